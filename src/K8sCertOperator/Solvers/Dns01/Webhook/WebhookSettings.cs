using System.Text.Json.Nodes;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>Settings of a cert-manager compatible DNS-01 webhook solver, plus the per-challenge facts the payload carries.</summary>
/// <param name="GroupName">API group the webhook's APIService serves (e.g. <c>acme.example.com</c>).</param>
/// <param name="SolverName">Solver name within the group (the resource name in the URL).</param>
/// <param name="ResourceNamespace">Namespace the webhook may read Secrets from (the Issuer's, or the cluster resource namespace).</param>
/// <param name="DnsName">The domain being validated, as on the Certificate (<c>example.com</c> or <c>*.example.com</c>).</param>
/// <param name="Config">The solver's opaque <c>config</c> JSON, passed through unchanged.</param>
public sealed record WebhookSettings(
    string GroupName,
    string SolverName,
    string ResourceNamespace,
    string DnsName,
    JsonNode? Config = null) : DnsProviderSettings
{
    /// <summary>Zone of the record (<c>example.com.</c>); found by an SOA walk when null.</summary>
    public string? ResolvedZone { get; init; }

    public bool AllowAmbientCredentials { get; init; }
}
