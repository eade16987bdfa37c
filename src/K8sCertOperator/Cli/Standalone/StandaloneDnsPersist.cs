using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Cli.Standalone;

/// <summary>
/// dns-persist-01 for certify, with the operator's record builder: <c>_validation-persist.NAME</c> naming the issuer
/// domain and the account. With a DNS provider the record is written once (only when none that authorizes the account
/// stands already) and never deleted. Without one certify prints the exact record and waits, up to --dns-persist-wait,
/// until the authoritative nameservers serve it; a record is taken when the CA would accept it, not only our exact text.
/// </summary>
public sealed class StandaloneDnsPersist
{
    private readonly CertifyOptions _options;
    private readonly IDnsProvider? _provider;
    private readonly TextWriter _out;

    public StandaloneDnsPersist(CertifyOptions options, IDnsProvider? provider, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        _options = options;
        _provider = provider;
        _out = output;
    }

    /// <summary>The record <paramref name="challenge"/> needs; <see cref="InvalidOperationException"/> when --dns-persist-issuer is not offered.</summary>
    public ChallengeDnsRecord Record(AcmeChallengeContext challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        string issuer;
        try
        {
            issuer = DnsPersistIssuerChoice.Choose(_options.DnsPersistIssuerDomainName, challenge.IssuerDomainNames);
        }
        catch (Dns01ConfigException e)
        {
            throw new InvalidOperationException(e.Message.Replace("dnsPersist01.issuerDomainName", "--dns-persist-issuer", StringComparison.Ordinal), e);
        }
        return new ChallengeDnsRecord
        {
            Name = DnsPersistRecord.RecordName(challenge.Identifier.Value),
            Value = DnsPersistRecord.For(issuer, AccountUrl(challenge), challenge.Wildcard, _options.DnsPersistUntil).Format(),
            Managed = _provider is not null,
        };
    }

    public async Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        var record = Record(challenge);
        var accepts = Accepts(challenge);
        var where = StandaloneDns.PropagationOptions(_options);
        var display = (challenge.Wildcard ? "*." : string.Empty) + challenge.Identifier.Value;
        if (_provider is null)
        {
            await _out.WriteLineAsync(
                $"publish this TXT record for {display}; certify waits up to {_options.DnsPersistWait} for the authoritative nameservers to serve it:").ConfigureAwait(false);
            await _out.WriteLineAsync("  " + record).ConfigureAwait(false);
            await _out.FlushAsync(cancellationToken).ConfigureAwait(false);
            await WaitAsync(record, accepts, where with { Timeout = _options.DnsPersistWait }, "was not published", cancellationToken).ConfigureAwait(false);
            return;
        }
        var standing = await new Dns01PropagationChecker(where with { Timeout = TimeSpan.Zero }).CheckAsync(record.Name, accepts, cancellationToken).ConfigureAwait(false);
        if (standing.IsPropagated)
        {
            await _out.WriteLineAsync($"dns-persist-01 record for {display} already stands at {record.Name}; not writing it again").ConfigureAwait(false);
            return;
        }
        await _provider.PresentAsync(record.Name, record.Value, cancellationToken).ConfigureAwait(false);
        await _out.WriteLineAsync($"wrote {record} for {display} (kept after validation: certify never deletes it)").ConfigureAwait(false);
        await WaitAsync(record, accepts, where, "is not visible", cancellationToken).ConfigureAwait(false);
    }

    private static async Task WaitAsync(ChallengeDnsRecord record, Func<IReadOnlyList<string>, bool> accepts, Dns01PropagationOptions where,
        string failure, CancellationToken cancellationToken)
    {
        var result = await new Dns01PropagationChecker(where).CheckAsync(record.Name, accepts, cancellationToken).ConfigureAwait(false);
        if (!result.IsPropagated)
        {
            throw new InvalidOperationException($"the dns-persist-01 record {record} {failure}: {result.Message}");
        }
    }

    private static Func<IReadOnlyList<string>, bool> Accepts(AcmeChallengeContext challenge)
    {
        var account = AccountUrl(challenge);
        return values => DnsPersistRecord.AnyAuthorizes(values, [.. challenge.IssuerDomainNames], account, challenge.Wildcard, DateTimeOffset.UtcNow);
    }

    private static string AccountUrl(AcmeChallengeContext challenge) =>
        challenge.AccountUrl ?? throw new InvalidOperationException("dns-persist-01 needs the ACME account URL to name in the record");
}
