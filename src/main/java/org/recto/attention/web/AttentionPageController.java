package org.recto.attention.web;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

import org.recto.attention.AttentionProperties;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /attention}: how the attention score is made, with the weights this platform is configured with. */
@Controller
class AttentionPageController {

    private final AttentionProperties properties;

    AttentionPageController(AttentionProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/attention")
    String about(Model model) {
        Map<String, BigDecimal> weights = new TreeMap<>((a, b) -> {
            int byWeight = properties.weights().get(b).compareTo(properties.weights().get(a));
            return byWeight != 0 ? byWeight : a.compareTo(b);
        });
        weights.putAll(properties.weights());
        model.addAttribute("weights", weights);
        return "attention/about";
    }
}
