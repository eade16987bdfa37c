using System.Net;
using k8s;
using k8s.Autorest;
using K8sCertOperator.Api;

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
        foreach (var resource in ApiGroups.All)
        {
            var name = $"{resource.Plural}.{resource.Group}";
            try
            {
                var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
                var established = crd.Status?.Conditions?.FirstOrDefault(c => c.Type == "Established");
                if (established is not null && established.Status != "True")
                {
                    problems.Add($"CRD {name} is not established ({established.Reason})");
                }
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                problems.Add($"CRD {name} is not installed");
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
        k8s.Models.V1Lease lease;
        try
        {
            lease = await client.CoordinationV1.ReadNamespacedLeaseAsync(leaseName, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
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
}
