-- The delivery module's connections to Dropbox and Google Drive, one per browser session and provider.
-- session_key is the SHA-256 of a random value held only in that session, so a row cannot be reached from
-- another one; the tokens are AES-GCM ciphertexts (key: recto.delivery.token-key), never stored in the clear.
create table delivery_token (
    session_key       varchar(64)  not null,
    provider          varchar(20)  not null,
    refresh_token     varchar(4000) not null,
    access_token      varchar(8000),
    access_expires_at timestamp with time zone,
    connected_at      timestamp with time zone not null,
    primary key (session_key, provider)
);
create index delivery_token_connected on delivery_token (connected_at);
