using System.Text.Json;
using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// `check api` probes: the five CRDs are installed and Established, and the operator holds a fresh Lease.
/// Each probe returns null when fine, else what is wrong.
/// </summary>
public static class ApiCheck
{
    /// <summary>Missing or not-yet-established CRDs; empty when all are served.</summary>
    public static async Task<IReadOnlyList<string>> MissingCrdsAsync(IKubernetes client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var problems = new List<string>();
        var transport = new KubeTransport(client);
        foreach (var resource in ApiGroups.All)
        {
            var name = $"{resource.Plural}.{resource.Group}";
            using var crd = await transport.GetJsonAsync("apis/apiextensions.k8s.io/v1/customresourcedefinitions/" + name, cancellationToken).ConfigureAwait(false);
            if (crd is null)
            {
                problems.Add($"CRD {name} is not installed");
                continue;
            }
            var established = Condition(crd.RootElement, "Established");
            if (established is { } c && Text(c, "status") != "True")
            {
                problems.Add($"CRD {name} is not established ({Text(c, "reason")})");
            }
        }
        return problems;
    }

    /// <summary>
    /// Null when the Lease has a holder that renewed it within its lease duration (the operator is answering);
    /// otherwise why not.
    /// </summary>
    public static async Task<string?> OperatorProblemAsync(IKubernetes client, string ns, string leaseName, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lease = await CoreResourceApis.Leases(client).GetAsync(ns, leaseName, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return $"Lease {ns}/{leaseName} not found: the operator has not started (or runs elsewhere)";
        }
        return LeaseProblem(lease.Spec?.HolderIdentity, lease.Spec?.RenewTime, lease.Spec?.LeaseDurationSeconds, now, $"{ns}/{leaseName}");
    }

    /// <summary>Pure part of <see cref="OperatorProblemAsync"/>: is the holder's last renewal recent enough.</summary>
    public static string? LeaseProblem(string? holder, DateTime? renewTime, int? leaseDurationSeconds, DateTimeOffset now, string lease)
    {
        if (string.IsNullOrEmpty(holder))
        {
            return $"Lease {lease} has no holder: no operator replica is leading";
        }
        if (renewTime is not { } renewed)
        {
            return $"Lease {lease} held by {holder} was never renewed";
        }
        var age = now - new DateTimeOffset(DateTime.SpecifyKind(renewed, DateTimeKind.Utc));
        var allowed = TimeSpan.FromSeconds(leaseDurationSeconds is > 0 ? leaseDurationSeconds.Value : 15);
        return age <= allowed
            ? null
            : $"Lease {lease} held by {holder} was last renewed {Math.Round(age.TotalSeconds)}s ago (lease duration {allowed.TotalSeconds}s): the operator is not answering";
    }

    // The CRD read as plain JSON: the operator carries no model of CustomResourceDefinition for one status check.
    private static JsonElement? Condition(JsonElement crd, string type)
    {
        if (crd.TryGetProperty("status", out var status) && status.TryGetProperty("conditions", out var conditions)
            && conditions.ValueKind == JsonValueKind.Array)
        {
            foreach (var condition in conditions.EnumerateArray())
            {
                if (Text(condition, "type") == type)
                {
                    return condition;
                }
            }
        }
        return null;
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
