using System.Net;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Solvers;

/// <summary>
/// Picks the issuer solver for one authorization with cert-manager's precedence: a dnsNames hit beats a dnsZones
/// hit (longest zone wins), which beats matchLabels (more labels win), which beats a solver without a selector;
/// ties keep the first solver in the list. Only challenge types the CA offered are considered: an http01 solver
/// takes http-01, a dnsPersist01 solver dns-persist-01, a dns01 solver dns-01, or dns-account-01 first when it is
/// <c>accountScoped</c> and the CA offers it.
/// </summary>
public static class SolverSelector
{
    private const string AcmeHttp01 = Acme.Resources.AcmeChallenge.Http01;
    private const string AcmeDns01 = Acme.Resources.AcmeChallenge.Dns01;
    private const string AcmeDnsAccount01 = Acme.Resources.AcmeChallenge.DnsAccount01;
    private const string AcmeDnsPersist01 = Acme.Resources.AcmeChallenge.DnsPersist01;

    /// <summary>Chooses a solver and challenge type.</summary>
    /// <param name="solvers">The issuer's <c>spec.acme.solvers</c>, in order.</param>
    /// <param name="identifier">The authorization identifier without <c>*.</c> (a leading <c>*.</c> is also accepted and implies a wildcard).</param>
    /// <param name="wildcard">True for a wildcard authorization: only DNS-01 can prove it.</param>
    /// <param name="certificateLabels">Labels of the Certificate (as copied onto the Order), matched against <c>matchLabels</c>.</param>
    /// <param name="offeredAcmeTypes">ACME types the CA offered for the authorization (<c>http-01</c>, <c>dns-01</c>, ...), in the CA's order.</param>
    public static SolverSelectorResult Select(
        IReadOnlyList<AcmeChallengeSolver> solvers,
        string identifier,
        bool wildcard,
        IReadOnlyDictionary<string, string>? certificateLabels,
        IReadOnlyList<string> offeredAcmeTypes)
    {
        ArgumentNullException.ThrowIfNull(solvers);
        ArgumentNullException.ThrowIfNull(identifier);
        ArgumentNullException.ThrowIfNull(offeredAcmeTypes);

        var bareName = identifier.Trim().TrimEnd('.');
        if (bareName.StartsWith("*.", StringComparison.Ordinal))
        {
            wildcard = true;
            bareName = bareName[2..];
        }
        // Selectors see the name as the Certificate lists it, so "*.example.com" in dnsNames matches the wildcard.
        var nameToMatch = wildcard ? "*." + bareName : bareName;
        var isIp = !wildcard && IPAddress.TryParse(bareName, out _);
        var usableTypes = offeredAcmeTypes
            .Select(t => t.Trim().ToLowerInvariant())
            .Where(t => t is AcmeDns01 or AcmeDnsAccount01 or AcmeDnsPersist01 ? !isIp : t == AcmeHttp01 && !wildcard)
            .ToList();

        AcmeChallengeSolver? best = null;
        string? bestType = null;
        var bestScore = default(SolverSelectorScore);
        foreach (var solver in solvers)
        {
            var type = TypeFor(solver, usableTypes);
            if (type is null || !TryScore(solver.Selector, nameToMatch, certificateLabels, out var score))
            {
                continue;
            }
            if (best is null || score.CompareTo(bestScore) > 0)
            {
                (best, bestType, bestScore) = (solver, type, score);
            }
        }

        if (best is not null && bestType is not null)
        {
            return SolverSelectorResult.Selected(best, bestType);
        }
        if (wildcard)
        {
            return SolverSelectorResult.NoMatch($"no solver matches {nameToMatch}: wildcard names need a dns01 or dnsPersist01 solver");
        }
        if (isIp)
        {
            return SolverSelectorResult.NoMatch($"no solver matches {nameToMatch}: IP addresses need an http01 solver");
        }
        var offered = offeredAcmeTypes.Count == 0 ? "none" : string.Join(", ", offeredAcmeTypes);
        return SolverSelectorResult.NoMatch($"no configured solver matches name {nameToMatch} (challenge types offered by the CA: {offered})");
    }

    /// <summary>
    /// The type a solver entry answers among the usable ones: dns-account-01 when the entry is accountScoped and it is
    /// offered, else the first offered type (in the CA's order) the entry supports; null when none.
    /// </summary>
    private static string? TypeFor(AcmeChallengeSolver solver, IReadOnlyList<string> usableTypes)
    {
        if (solver.Dns01 is { AccountScoped: true } && usableTypes.Contains(AcmeDnsAccount01))
        {
            return AcmeDnsAccount01;
        }
        return usableTypes.FirstOrDefault(t => t switch
        {
            AcmeHttp01 => solver.Http01 is not null,
            AcmeDns01 => solver.Dns01 is not null,
            AcmeDnsPersist01 => solver.DnsPersist01 is not null,
            _ => false,
        });
    }

    /// <summary>Every non-empty part of the selector must match; each part then contributes its weight.</summary>
    private static bool TryScore(
        CertificateDnsNameSelector? selector,
        string name,
        IReadOnlyDictionary<string, string>? labels,
        out SolverSelectorScore score)
    {
        score = default;
        if (selector is null)
        {
            return true;
        }

        var nameMatch = false;
        if (selector.DnsNames is { Count: > 0 } names)
        {
            nameMatch = names.Any(n => string.Equals(n.Trim().TrimEnd('.'), name, StringComparison.OrdinalIgnoreCase));
            if (!nameMatch)
            {
                return false;
            }
        }

        var zoneLabels = 0;
        if (selector.DnsZones is { Count: > 0 } zones)
        {
            zoneLabels = zones.Select(z => MatchingZoneLabels(z, name)).DefaultIfEmpty(0).Max();
            if (zoneLabels == 0)
            {
                return false;
            }
        }

        var matchedLabels = 0;
        if (selector.MatchLabels is { Count: > 0 } required)
        {
            foreach (var (key, value) in required)
            {
                if (labels is null || !labels.TryGetValue(key, out var actual) || actual != value)
                {
                    return false;
                }
            }
            matchedLabels = required.Count;
        }

        score = new SolverSelectorScore(nameMatch, zoneLabels, matchedLabels);
        return true;
    }

    /// <summary>Label count of <paramref name="zone"/> when <paramref name="name"/> is the zone or below it, else 0.</summary>
    internal static int MatchingZoneLabels(string zone, string name)
    {
        var z = zone.Trim().TrimEnd('.');
        if (z.Length == 0)
        {
            return 0;
        }
        var inZone = string.Equals(name, z, StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("." + z, StringComparison.OrdinalIgnoreCase);
        return inZone ? z.Split('.').Length : 0;
    }
}
