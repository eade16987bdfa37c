using K8sCertOperator.Acme;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// Answers challenges for `certify` without a cluster: HTTP-01 from an in-process responder,
/// DNS-01 through a DNS provider followed by the same propagation check the operator uses.
/// </summary>
public sealed class StandaloneChallengeResponder : IAcmeChallengeResponder
{
    private const string Owner = "certify";
    private readonly Http01TokenStore? _tokens;
    private readonly IDnsProvider? _dns;
    private readonly Dns01PropagationChecker? _propagation;

    public StandaloneChallengeResponder(Http01TokenStore? tokens, IDnsProvider? dns, Dns01PropagationChecker? propagation)
    {
        _tokens = tokens;
        _dns = dns;
        _propagation = propagation;
        var types = new List<string>();
        if (tokens is not null)
        {
            types.Add("http-01");
        }
        if (dns is not null)
        {
            types.Add("dns-01");
        }
        SupportedChallengeTypes = types;
    }

    public IReadOnlyList<string> SupportedChallengeTypes { get; }

    public async Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ChallengeType == "http-01" && _tokens is not null)
        {
            _tokens.Set(Owner, challenge.Token, challenge.KeyAuthorization);
            return;
        }
        if (challenge.ChallengeType == "dns-01" && _dns is not null)
        {
            await _dns.PresentAsync(challenge.DnsRecordName, challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
            if (_propagation is not null)
            {
                var result = await _propagation.CheckAsync(challenge.DnsRecordName, challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
                if (!result.IsPropagated)
                {
                    throw new InvalidOperationException(result.Message);
                }
            }
            return;
        }
        throw new NotSupportedException($"no responder configured for {challenge.ChallengeType}");
    }

    public async Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ChallengeType == "http-01")
        {
            _tokens?.Remove(Owner, challenge.Token);
        }
        else if (challenge.ChallengeType == "dns-01" && _dns is not null)
        {
            await _dns.CleanUpAsync(challenge.DnsRecordName, challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
        }
    }
}
