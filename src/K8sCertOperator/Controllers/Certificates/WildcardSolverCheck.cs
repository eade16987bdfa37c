using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// ACME CAs only validate wildcard names over DNS (RFC 8555 §7.1.3: DNS-01; also dns-account-01 and dns-persist-01
/// with policy=wildcard). An issuer whose solvers are all HTTP-01
/// can never complete such an order, so the Certificate is refused up front instead of failing at the CA.
/// </summary>
public static class WildcardSolverCheck
{
    /// <summary>An error message, or null when the names can be solved (or there is nothing to check).</summary>
    public static string? Check(IReadOnlyList<string>? dnsNames, AcmeIssuer? acme)
    {
        if (acme is null)
        {
            return null;
        }

        var wildcards = (dnsNames ?? []).Where(n => n.StartsWith("*.", StringComparison.Ordinal)).ToList();
        if (wildcards.Count == 0)
        {
            return null;
        }

        var solvers = acme.Solvers ?? [];
        if (solvers.Any(s => s.Dns01 is not null || s.DnsPersist01 is not null))
        {
            return null;
        }

        return $"wildcard name \"{wildcards[0]}\" needs a DNS-01 solver, but the ACME issuer has only HTTP-01 solvers";
    }
}
