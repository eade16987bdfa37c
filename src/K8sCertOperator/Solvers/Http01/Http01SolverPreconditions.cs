using System.Net;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// What every HTTP-01 route (Ingress or HTTPRoute) needs of its Challenge before it can be built; a failure is an
/// <see cref="ArgumentException"/>, which the Challenge controller reports as a final error.
/// </summary>
public static class Http01SolverPreconditions
{
    /// <summary>The Challenge's http01 solver block, after checking type, name, token and uid.</summary>
    public static AcmeChallengeSolverHttp01 Require(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var spec = challenge.Spec;
        if (spec.Type != ChallengeTypes.Http01)
        {
            throw new ArgumentException($"challenge type is '{spec.Type}', not {ChallengeTypes.Http01}", nameof(challenge));
        }
        if (spec.Wildcard == true)
        {
            throw new ArgumentException($"wildcard name *.{spec.DnsName} cannot be validated over HTTP-01", nameof(challenge));
        }
        if (string.IsNullOrEmpty(spec.DnsName) || string.IsNullOrEmpty(spec.Token))
        {
            throw new ArgumentException("challenge has no dnsName or token yet", nameof(challenge));
        }
        if (string.IsNullOrEmpty(challenge.Metadata.Uid))
        {
            throw new ArgumentException("challenge has no uid; build the route from the stored object", nameof(challenge));
        }
        return spec.Solver.Http01 ?? throw new ArgumentException("challenge solver has no http01 block", nameof(challenge));
    }

    /// <summary>
    /// The host a route matches for <paramref name="dnsName"/>: null for an IP identifier (neither an Ingress host nor
    /// an HTTPRoute hostname may be an IP), where the token path alone routes the request.
    /// </summary>
    public static string? RouteHost(string dnsName) => IPAddress.TryParse(dnsName, out _) ? null : dnsName;

    /// <summary>The exact path the CA fetches for <paramref name="token"/>.</summary>
    public static string ChallengePath(string token) => Http01Responder.PathPrefix + token;
}
