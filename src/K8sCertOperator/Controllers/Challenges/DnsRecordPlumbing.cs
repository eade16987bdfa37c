using System.Net;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// What the DNS-based solvers share: mapping a provider block to a provider (credentials from Secrets), the record's
/// effective name (CNAME strategy) and the propagation check against the authoritative (or configured) nameservers.
/// </summary>
public sealed class DnsRecordPlumbing
{
    /// <summary>One propagation check never holds a worker longer than this; the overall bound is the option timeout.</summary>
    public static readonly TimeSpan CheckSlice = TimeSpan.FromSeconds(3);

    private readonly OperatorContext _context;
    private readonly DnsLookup _lookup = new();

    public DnsRecordPlumbing(OperatorContext context) => _context = context ?? throw new ArgumentNullException(nameof(context));

    /// <summary>The provider for <paramref name="block"/> and where <paramref name="recordFqdn"/> is written after its CNAME strategy.</summary>
    public async Task<(IDnsProvider Provider, string Fqdn)> ResolveAsync(Challenge challenge, AcmeDnsProviders block, string recordFqdn, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(block);
        var ns = Dns01ChallengeSolver.SecretNamespace(challenge, _context.ClusterResourceNamespace);
        var config = await Dns01ConfigMapper.MapAsync(
            block,
            Dns01ConfigContext.ForChallenge(challenge.Spec, ns, allowAmbientCredentials: challenge.Spec.IssuerRef.IsClusterIssuer),
            async (name, key, token) =>
            {
                var secret = await _context.Apis.Secrets.GetAsync(ns, name, token).ConfigureAwait(false);
                return secret?.Data is { } data && data.TryGetValue(key, out var value) ? value : null;
            },
            ct).ConfigureAwait(false);
        var provider = _context.DnsProviders.Create(config.ProviderName, config.Settings);
        var fqdn = await EffectiveNameAsync(recordFqdn, config.CnameStrategy, ct).ConfigureAwait(false);
        return (provider, fqdn);
    }

    /// <summary><paramref name="recordFqdn"/>, or the end of its CNAME chain under <paramref name="strategy"/>.</summary>
    public async Task<string> EffectiveNameAsync(string recordFqdn, CnameStrategy strategy, CancellationToken ct) =>
        await ChallengeFqdnResolver.ResolveRecordAsync(recordFqdn, strategy, _lookup, await ResolversAsync(ct).ConfigureAwait(false), ct)
            .ConfigureAwait(false);

    /// <summary>One slice of the propagation check: are TXT values <paramref name="accept"/> takes served everywhere?</summary>
    /// <param name="fqdn">Record name.</param>
    /// <param name="accept">Takes the TXT values one nameserver serves.</param>
    /// <param name="ct">Cancels the check.</param>
    /// <param name="slice">How long to keep polling; <see cref="TimeSpan.Zero"/> asks each nameserver once. Default <see cref="CheckSlice"/>.</param>
    public async Task<SolverCheckResult> CheckAsync(string fqdn, Func<IReadOnlyList<string>, bool> accept, CancellationToken ct, TimeSpan? slice = null)
    {
        var checker = new Dns01PropagationChecker(new Dns01PropagationOptions
        {
            RecursiveNameservers = _context.Options.Dns01RecursiveNameservers,
            RecursiveNameserversOnly = _context.Options.Dns01RecursiveNameserversOnly,
            Timeout = slice ?? CheckSlice,
        }, _context.Time);
        var result = await checker.CheckAsync(fqdn, accept, ct).ConfigureAwait(false);
        return new SolverCheckResult(result.IsPropagated, result.Message);
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
