namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>
/// The API server path of a webhook solver, built only from validated segments. The request goes out with the
/// operator's own credentials, so a groupName like <c>x/../../api/v1/namespaces/kube-system/secrets?dryRun=All#</c>
/// must never reach the path: groupName has to be a DNS-1123 subdomain and solverName a DNS-1123 label, as
/// Kubernetes requires of an API group and a resource name.
/// </summary>
public static class WebhookRequestPath
{
    private const int MaxSubdomainLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary><c>/apis/{group}/v1alpha1/{solver}</c>, or null with <paramref name="error"/> when a segment is invalid.</summary>
    public static string? Build(string? groupName, string? solverName, out string? error)
    {
        if (!IsDns1123Subdomain(groupName))
        {
            error = "webhook groupName must be a DNS-1123 subdomain (lower-case letters, digits, '-' and '.')";
            return null;
        }

        if (!IsDns1123Label(solverName))
        {
            error = "webhook solverName must be a DNS-1123 label (lower-case letters, digits and '-')";
            return null;
        }

        error = null;
        // Escaping is a second fence: validated segments contain nothing it would change.
        return $"/apis/{Uri.EscapeDataString(groupName!)}/v1alpha1/{Uri.EscapeDataString(solverName!)}";
    }

    public static bool IsDns1123Subdomain(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxSubdomainLength && value.Split('.').All(IsLabelSyntax);

    public static bool IsDns1123Label(string? value) => IsLabelSyntax(value) && value!.Length <= MaxLabelLength;

    private static bool IsLabelSyntax(string? label) =>
        !string.IsNullOrEmpty(label) && IsAlphanumeric(label[0]) && IsAlphanumeric(label[^1]) &&
        label.All(c => IsAlphanumeric(c) || c == '-');

    private static bool IsAlphanumeric(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
}
