using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// Answers challenges for `certify` without a cluster: HTTP-01 from an in-process responder; DNS-01 and dns-account-01
/// through a DNS provider followed by the same propagation check the operator uses; dns-persist-01 through
/// <see cref="StandaloneDnsPersist"/> (written once, or published by hand).
/// </summary>
public sealed class StandaloneChallengeResponder : IAcmeChallengeResponder
{
    private const string Owner = "certify";
    private readonly Http01TokenStore? _tokens;
    private readonly IDnsProvider? _dns;
    private readonly Dns01PropagationChecker? _propagation;
    private readonly StandaloneDnsPersist? _persist;

    /// <param name="persist">dns-persist-01, when certify was asked for it; it needs no provider.</param>
    public StandaloneChallengeResponder(Http01TokenStore? tokens, IDnsProvider? dns, Dns01PropagationChecker? propagation, StandaloneDnsPersist? persist = null)
    {
        _tokens = tokens;
        _dns = dns;
        _propagation = propagation;
        _persist = persist;
        var types = new List<string>();
        if (tokens is not null)
        {
            types.Add(AcmeChallenge.Http01);
        }
        if (dns is not null)
        {
            types.AddRange([AcmeChallenge.Dns01, AcmeChallenge.DnsAccount01]);
        }
        if (persist is not null)
        {
            types.Add(AcmeChallenge.DnsPersist01);
        }
        SupportedChallengeTypes = types;
    }

    public IReadOnlyList<string> SupportedChallengeTypes { get; }

    public async Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        switch (challenge.ChallengeType)
        {
            case AcmeChallenge.Http01 when _tokens is not null:
                _tokens.Set(Owner, challenge.Token, challenge.KeyAuthorization);
                return;
            case AcmeChallenge.Dns01 or AcmeChallenge.DnsAccount01 when _dns is not null:
                var name = DnsRecordName(challenge);
                await _dns.PresentAsync(name, challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
                if (_propagation is not null)
                {
                    var result = await _propagation.CheckAsync(name, challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
                    if (!result.IsPropagated)
                    {
                        throw new InvalidOperationException(result.Message);
                    }
                }
                return;
            case AcmeChallenge.DnsPersist01 when _persist is not null:
                await _persist.PresentAsync(challenge, cancellationToken).ConfigureAwait(false);
                return;
            default:
                throw new NotSupportedException($"no responder configured for {challenge.ChallengeType}");
        }
    }

    /// <summary>Removes HTTP-01 tokens and DNS-01 / dns-account-01 records; a dns-persist-01 record is meant to stay.</summary>
    public async Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (challenge.ChallengeType == AcmeChallenge.Http01)
        {
            _tokens?.Remove(Owner, challenge.Token);
        }
        else if (challenge.ChallengeType is AcmeChallenge.Dns01 or AcmeChallenge.DnsAccount01 && _dns is not null)
        {
            await _dns.CleanUpAsync(DnsRecordName(challenge), challenge.DnsTxtValue, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string DnsRecordName(AcmeChallengeContext challenge) =>
        challenge.ChallengeType == AcmeChallenge.DnsAccount01 ? challenge.DnsAccountRecordName : challenge.DnsRecordName;
}
