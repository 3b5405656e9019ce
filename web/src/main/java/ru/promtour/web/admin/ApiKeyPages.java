package ru.promtour.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * API keys of operators and enterprises ({@code /admin/api-keys} at the gateway). A new key is in exactly one answer
 * of the gateway, so it is shown in exactly one page: the answer to the issuing POST itself, never a redirect or a
 * flash attribute that would keep it in the session, and marked {@code no-store} so no cache or back button keeps it.
 */
@Controller
public class ApiKeyPages {

    private static final Set<String> TENANT_TYPES = Set.of("OPERATOR", "ENTERPRISE");

    private final GatewayClient gateway;
    private final MessageTexts texts;

    public ApiKeyPages(GatewayClient gateway, MessageTexts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    @GetMapping("/console/admin/api-keys")
    public String list(@RequestParam(required = false) String tenantType, @RequestParam(required = false) String tenantId,
                       Model model) {
        return page(form(tenantType, tenantId, null), model);
    }

    @PostMapping("/console/admin/api-keys")
    public String issue(@RequestParam(defaultValue = "") String tenantType, @RequestParam(defaultValue = "") String tenantId,
                        @RequestParam(defaultValue = "") String label, Model model, HttpServletResponse response) {
        Map<String, String> form = form(tenantType, tenantId, label);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!TENANT_TYPES.contains(form.get("tenantType"))) {
            errors.put("tenantType", texts.get("admin.keys.chooseType"));
        }
        if (form.get("tenantId").isEmpty()) {
            errors.put("tenantId", texts.get("admin.keys.chooseTenant"));
        }
        if (!errors.isEmpty()) {
            Refusals.show(texts.get("admin.form.invalid"), errors, model, response);
            return page(form, model);
        }
        Map<String, Object> body = new LinkedHashMap<>(form);
        if (form.get("label").isEmpty()) {
            body.remove("label");
        }
        try {
            Map<String, Object> issued = gateway.post(path("/admin/api-keys"), body);
            ShownOnce.noStore(response);
            model.addAttribute("issued", issued);
            return "admin/api-key-issued";
        }
        catch (ApiException ex) {
            Refusals.show(ex, model, response, Map.of());
            return page(form, model);
        }
    }

    @PostMapping("/console/admin/api-keys/{id}/revoke")
    public String revoke(@PathVariable String id, RedirectAttributes redirect) {
        gateway.delete(path("/admin/api-keys/{id}", id));
        redirect.addFlashAttribute("notice", texts.get("admin.keys.revokedNotice"));
        return "redirect:/console/admin/api-keys";
    }

    private String page(Map<String, String> form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("keys", gateway.getList(path("/admin/api-keys")));
        model.addAttribute("operators", gateway.getList(path("/admin/operators")));
        model.addAttribute("enterprises", Tenants.enterprises(gateway));
        return "admin/api-keys";
    }

    private static Map<String, String> form(String tenantType, String tenantId, String label) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("tenantType", tenantType == null ? "" : tenantType.strip());
        form.put("tenantId", tenantId == null ? "" : tenantId.strip());
        form.put("label", label == null ? "" : label.strip());
        return form;
    }
}
