package ru.promtour.web.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import ru.promtour.web.gateway.ApiException;
import ru.promtour.web.gateway.GatewayClient;

import static ru.promtour.web.gateway.GatewayClient.path;

/**
 * Staff members' accounts, kept by the gateway ({@code /admin/staff}, ADR 0008): the regional office invites, unlocks
 * and disables. An invitation's link carries a single-use token, so like an API key it is shown once, in the answer to
 * the POST that made it, with {@code no-store}; it is absolute, built from the address the browser used (the gateway
 * forwards {@code X-Forwarded-*}), so it can be copied into an e-mail as it stands.
 */
@Controller
public class StaffPages {

    private static final String INVITE_PAGE = "/console/invite";

    private final GatewayClient gateway;
    private final MessageTexts texts;

    public StaffPages(GatewayClient gateway, MessageTexts texts) {
        this.gateway = gateway;
        this.texts = texts;
    }

    @GetMapping("/console/admin/staff")
    public String list(@RequestParam(required = false) String enterpriseId, Model model) {
        Map<String, String> form = form("", "", enterpriseId == null || enterpriseId.isBlank() ? "ADMIN" : "ENTERPRISE",
                enterpriseId);
        return page(EnterprisePages.blankToNull(enterpriseId), form, model);
    }

    @PostMapping("/console/admin/staff")
    public String invite(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String name,
                         @RequestParam(defaultValue = "") String role, @RequestParam(defaultValue = "") String enterpriseId,
                         Model model, HttpServletRequest request, HttpServletResponse response) {
        Map<String, String> form = form(email, name, role, enterpriseId);
        Map<String, String> errors = new LinkedHashMap<>();
        if (!"ENTERPRISE".equals(form.get("role")) && !"ADMIN".equals(form.get("role"))) {
            errors.put("role", texts.get("admin.staff.chooseRole"));
        }
        if ("ENTERPRISE".equals(form.get("role")) && form.get("enterpriseId").isEmpty()) {
            errors.put("enterpriseId", texts.get("admin.staff.chooseEnterprise"));
        }
        if (!errors.isEmpty()) {
            Refusals.show(texts.get("admin.form.invalid"), errors, model, response);
            return page(null, form, model);
        }
        Map<String, Object> body = new LinkedHashMap<>(form);
        if (!"ENTERPRISE".equals(form.get("role"))) {
            body.remove("enterpriseId"); // the regional office belongs to no enterprise
        }
        try {
            return invitation(gateway.post(path("/admin/staff"), body), model, request, response);
        }
        catch (ApiException ex) {
            Refusals.show(ex, model, response, Map.of());
            return page(null, form, model);
        }
    }

    @PostMapping("/console/admin/staff/{id}/invite")
    public String reinvite(@PathVariable String id, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        return invitation(gateway.post(path("/admin/staff/{id}/invite", id), Map.of()), model, request, response);
    }

    @PostMapping("/console/admin/staff/{id}/unlock")
    public String unlock(@PathVariable String id, RedirectAttributes redirect) {
        gateway.post(path("/admin/staff/{id}/unlock", id), Map.of());
        redirect.addFlashAttribute("notice", texts.get("admin.staff.unlocked"));
        return "redirect:/console/admin/staff";
    }

    @PostMapping("/console/admin/staff/{id}/disable")
    public String disable(@PathVariable String id, RedirectAttributes redirect) {
        gateway.delete(path("/admin/staff/{id}", id));
        redirect.addFlashAttribute("notice", texts.get("admin.staff.disabled"));
        return "redirect:/console/admin/staff";
    }

    /** The one page that shows an invitation's link. */
    private String invitation(Map<String, Object> member, Model model, HttpServletRequest request,
                              HttpServletResponse response) {
        ShownOnce.noStore(response);
        model.addAttribute("member", member);
        model.addAttribute("inviteLink", ServletUriComponentsBuilder.fromContextPath(request).build().toUriString()
                + invitePath(member));
        return "admin/staff-invite";
    }

    /** The gateway names the page and token; only a path to the invite page is taken from it, never another address. */
    private static String invitePath(Map<String, Object> member) {
        if (member.get("invitePath") instanceof String path && path.startsWith(INVITE_PAGE + "?")) {
            return path;
        }
        return INVITE_PAGE + "?token=" + URLEncoder.encode(String.valueOf(member.get("inviteToken")), StandardCharsets.UTF_8);
    }

    private String page(String enterpriseId, Map<String, String> form, Model model) {
        model.addAttribute("staff", gateway.getList(uri -> uri.path("/admin/staff")
            .queryParamIfPresent("enterpriseId", Optional.ofNullable(enterpriseId)).build()));
        model.addAttribute("enterpriseId", enterpriseId);
        model.addAttribute("enterprises", Tenants.enterprises(gateway));
        model.addAttribute("form", form);
        return "admin/staff";
    }

    private static Map<String, String> form(String email, String name, String role, String enterpriseId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email.strip());
        form.put("name", name.strip());
        form.put("role", role.strip());
        form.put("enterpriseId", enterpriseId == null ? "" : enterpriseId.strip());
        return form;
    }
}
