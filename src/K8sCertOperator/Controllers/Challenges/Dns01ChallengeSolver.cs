using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// DNS-01 and dns-account-01: maps the solver block to a provider (credentials from Secrets), adds the TXT value at
/// <c>_acme-challenge.NAME.</c>, or <c>_LABEL._acme-challenge.NAME.</c> for dns-account-01 (or the end of its CNAME
/// chain), checks propagation in short slices, and removes only this challenge's value again.
/// </summary>
public sealed class Dns01ChallengeSolver : IChallengeSolver
{
    /// <summary>One propagation check never holds a worker longer than this; the overall bound is the option timeout.</summary>
    public static readonly TimeSpan CheckSlice = DnsRecordPlumbing.CheckSlice;

    private readonly DnsRecordPlumbing _dns;

    public Dns01ChallengeSolver(OperatorContext context) => _dns = new DnsRecordPlumbing(context);

    /// <summary>The TXT value for a Challenge: derived from its stored key authorization, so clean-up needs no account.</summary>
    public static string TxtValue(Challenge challenge) => AcmeKeyAuthorization.Dns01TxtValue(challenge.Spec.Key);

    /// <summary>Where the TXT value goes before any CNAME is followed: dns-account-01 puts the account label in front.</summary>
    public static string RecordName(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.Spec.Type != ChallengeTypes.DnsAccount01)
        {
            return DnsName.ChallengeFqdn(challenge.Spec.DnsName);
        }
        return string.IsNullOrEmpty(challenge.Spec.AccountUrl)
            ? throw new Dns01ConfigException("dns-account-01 challenge has no accountURL to derive its label from")
            : DnsAccountLabel.RecordName(challenge.Spec.AccountUrl, challenge.Spec.DnsName);
    }

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        var (provider, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        await provider.PresentAsync(fqdn, TxtValue(challenge), ct).ConfigureAwait(false);
    }

    public async Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct)
    {
        var (_, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        var value = TxtValue(challenge);
        return await _dns.CheckAsync(fqdn, values => values.Contains(value, StringComparer.Ordinal), ct).ConfigureAwait(false);
    }

    public async Task CleanUpAsync(Challenge challenge, CancellationToken ct)
    {
        var (provider, fqdn) = await ResolveAsync(challenge, ct).ConfigureAwait(false);
        await provider.CleanUpAsync(fqdn, TxtValue(challenge), ct).ConfigureAwait(false);
    }

    /// <summary>Namespace of the Secrets a solver refers to: the Issuer's, or the cluster resource namespace for a ClusterIssuer.</summary>
    public static string SecretNamespace(Challenge challenge, string clusterResourceNamespace) =>
        challenge.Spec.IssuerRef.IsClusterIssuer ? clusterResourceNamespace : challenge.Metadata.NamespaceProperty ?? "";

    private Task<(IDnsProvider Provider, string Fqdn)> ResolveAsync(Challenge challenge, CancellationToken ct)
    {
        var dns01 = challenge.Spec.Solver.Dns01 ?? throw new Dns01ConfigException("challenge solver has no dns01 block");
        return _dns.ResolveAsync(challenge, dns01, RecordName(challenge), ct);
    }
}
