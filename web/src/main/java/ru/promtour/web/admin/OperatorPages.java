package ru.promtour.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/** Tour operators, registered at the gateway ({@code /admin/operators}): the tenants behind OPERATOR API keys. */
@Controller
public class OperatorPages {

    private final GatewayClient gateway;
    private final MessageTexts texts;

    public OperatorPages(GatewayClient gateway, MessageTexts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    @GetMapping("/console/admin/operators")
    public String list(Model model) {
        model.addAttribute("form", Map.of("name", "", "email", "", "phone", ""));
        return page(model);
    }

    @PostMapping("/console/admin/operators")
    public String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
                         @RequestParam(defaultValue = "") String phone, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", name.strip());
        form.put("email", email.strip());
        // people type phones with spaces and brackets; the API wants E.164
        form.put("phone", phone.replaceAll("[\\s()-]", ""));
        try {
            Map<String, Object> created = gateway.post(path("/admin/operators"), form);
            redirect.addFlashAttribute("notice", texts.get("admin.operators.created", created.get("name"), created.get("id")));
            return "redirect:/console/admin/operators";
        }
        catch (ApiException ex) {
            Refusals.show(ex, model, response, Map.of());
            model.addAttribute("form", form);
            return page(model);
        }
    }

    private String page(Model model) {
        model.addAttribute("operators", gateway.getList(path("/admin/operators")));
        return "admin/operators";
    }
}
