package ru.promtour.web.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * The register of enterprises (the catalog's {@code GET /api/v1/enterprises}, admin only), registering one, and an
 * enterprise's page: its profile, its staff and its API keys.
 */
@Controller
public class EnterprisePages {

    static final int PAGE_SIZE = 20;

    private final GatewayClient gateway;
    private final MessageTexts texts;

    public EnterprisePages(GatewayClient gateway, MessageTexts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    @GetMapping("/console/admin")
    public String home() {
        return "redirect:/console/admin/enterprises";
    }

    @GetMapping("/console/admin/enterprises")
    public String list(@RequestParam(required = false) String region, @RequestParam(required = false) String status,
                       @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("form", EnterpriseForm.empty());
        return listPage(region, status, page, model);
    }

    @PostMapping("/console/admin/enterprises")
    public String register(@ModelAttribute("form") EnterpriseForm form, Model model, HttpServletResponse response,
                           RedirectAttributes redirect) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, Object> body = form.body(errors);
        if (!errors.isEmpty()) {
            Refusals.show(texts.get("admin.form.invalid"), errors, model, response);
            return listPage(null, null, 0, model);
        }
        try {
            Map<String, Object> created = gateway.post(path("/api/v1/enterprises"), body);
            redirect.addFlashAttribute("notice", texts.get("admin.enterprises.registered", created.get("name")));
            redirect.addAttribute("id", created.get("id"));
            return "redirect:/console/admin/enterprises/{id}";
        }
        catch (ApiException ex) {
            Refusals.show(ex, model, response, EnterpriseForm.API_FIELDS);
            return listPage(null, null, 0, model);
        }
    }

    @GetMapping("/console/admin/enterprises/{id}")
    public String enterprise(@PathVariable String id, Model model) {
        model.addAttribute("enterprise", gateway.get(path("/api/v1/enterprises/{id}", id)));
        // the staff and keys live at the gateway: when it cannot answer, the profile is still worth showing
        try {
            model.addAttribute("staff", gateway.getList(uri -> uri.path("/admin/staff")
                .queryParam("enterpriseId", id).build()));
        }
        catch (ApiException ex) {
            model.addAttribute("staffError", ex.getMessage());
        }
        try {
            model.addAttribute("keys", gateway.getList(path("/admin/api-keys")).stream()
                .filter(key -> "ENTERPRISE".equals(key.get("tenantType")) && id.equals(key.get("tenantId")))
                .toList());
        }
        catch (ApiException ex) {
            model.addAttribute("keysError", ex.getMessage());
        }
        return "admin/enterprise";
    }

    private String listPage(String region, String status, int page, Model model) {
        Map<String, Object> result = gateway.get(uri -> uri.path("/api/v1/enterprises")
            .queryParamIfPresent("region", Optional.ofNullable(blankToNull(region)))
            .queryParamIfPresent("status", Optional.ofNullable(blankToNull(status)))
            .queryParam("page", page)
            .queryParam("size", PAGE_SIZE)
            .build());
        model.addAttribute("enterprises", result.getOrDefault("items", List.of()));
        model.addAttribute("total", result.getOrDefault("total", 0));
        model.addAttribute("page", page);
        model.addAttribute("hasNext", ((Number) result.getOrDefault("total", 0)).longValue() > (long) (page + 1) * PAGE_SIZE);
        model.addAttribute("region", region);
        model.addAttribute("status", status);
        model.addAttribute("zones", RussianTimeZones.all());
        return "admin/enterprises";
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
