using System.Net;
using K8sCertOperator.Acme;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// DNS-01: maps the solver block to a provider (credentials from Secrets), adds the TXT value at
/// <c>_acme-challenge.NAME.</c> (or the end of its CNAME chain), checks propagation in short slices, and removes
/// only this challenge's value again.
/// </summary>
public sealed class Dns01ChallengeSolver : IChallengeSolver
{
    /// <summary>One propagation check never holds a worker longer than this; the overall bound is the option timeout.</summary>
    public static readonly TimeSpan CheckSlice = TimeSpan.FromSeconds(3);

    private readonly OperatorContext _context;
    private readonly DnsLookup _lookup = new();

    public Dns01ChallengeSolver(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>The TXT value for a Challenge: derived from its stored key authorization, so clean-up needs no account.</summary>
    public static string TxtValue(Challenge challenge) => AcmeKeyAuthorization.Dns01TxtValue(challenge.Spec.Key);

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        var (provider, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        await provider.PresentAsync(fqdn, TxtValue(challenge), ct).ConfigureAwait(false);
    }

    public async Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct)
    {
        var (_, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        var checker = new Dns01PropagationChecker(new Dns01PropagationOptions
        {
            RecursiveNameservers = _context.Options.Dns01RecursiveNameservers,
            RecursiveNameserversOnly = _context.Options.Dns01RecursiveNameserversOnly,
            Timeout = CheckSlice,
        }, _context.Time);
        var result = await checker.CheckAsync(fqdn, TxtValue(challenge), ct).ConfigureAwait(false);
        return new SolverCheckResult(result.IsPropagated, result.Message);
    }

    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        var (provider, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        await provider.CleanUpAsync(fqdn, TxtValue(challenge), ct).ConfigureAwait(false);
    }

    /// <summary>Namespace of the Secrets a solver refers to: the Issuer's, or the cluster resource namespace for a ClusterIssuer.</summary>
    public static string SecretNamespace(Challenge challenge, string clusterResourceNamespace) =>
        challenge.Spec.IssuerRef.IsClusterIssuer ? clusterResourceNamespace : challenge.Metadata.NamespaceProperty ?? "";

    private async Task<(IDnsProvider Provider, string Fqdn)> ResolveAsync(Challenge challenge, CancellationToken ct)
    {
        var dns01 = challenge.Spec.Solver.Dns01 ?? throw new Dns01ConfigException("challenge solver has no dns01 block");
        var ns = SecretNamespace(challenge, _context.ClusterResourceNamespace);
        var config = await Dns01ConfigMapper.MapAsync(
            dns01,
            Dns01ConfigContext.ForChallenge(challenge.Spec, ns, allowAmbientCredentials: challenge.Spec.IssuerRef.IsClusterIssuer),
            async (name, key, token) =>
            {
                var secret = await _context.Apis.Secrets.GetAsync(ns, name, token).ConfigureAwait(false);
                return secret?.Data is { } data && data.TryGetValue(key, out var value) ? value : null;
            },
            ct).ConfigureAwait(false);
        var provider = _context.DnsProviders.Create(config.ProviderName, config.Settings);
        var fqdn = await ChallengeFqdnResolver.ResolveAsync(challenge.Spec.DnsName, config.CnameStrategy, _lookup, await ResolversAsync(ct).ConfigureAwait(false), ct)
            .ConfigureAwait(false);
        return (provider, fqdn);
    }

    private async Task<IReadOnlyList<IPEndPoint>> ResolversAsync(CancellationToken ct)
    {
        if (_context.Options.Dns01RecursiveNameservers.Count == 0)
        {
            return DnsLookup.SystemResolvers();
        }
        var endpoints = new List<IPEndPoint>();
        foreach (var text in _context.Options.Dns01RecursiveNameservers)
        {
            endpoints.Add(await NameserverAddress.Parse(text).ResolveAsync(ct).ConfigureAwait(false));
        }
        return endpoints;
    }
}
