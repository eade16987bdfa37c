using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01.Config;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// dns-persist-01 (draft-ietf-acme-dns-persist): the record <c>_validation-persist.NAME</c> naming the issuer domain and
/// the account. With a provider it is written once, only when no record that already authorizes the account is
/// visible, and never deleted. Without one nothing is written: the Challenge shows the record and waits, with no
/// deadline, until the authoritative nameservers serve it.
/// </summary>
public sealed class DnsPersist01ChallengeSolver : IChallengeSolver
{
    private readonly OperatorContext _context;
    private readonly DnsRecordPlumbing _dns;
    private readonly ILogger _logger;

    public DnsPersist01ChallengeSolver(OperatorContext context)
    {
        _context = context ?? throw new ArgumentNullException(nameof(context));
        _dns = new DnsRecordPlumbing(context);
        _logger = context.LoggerFactory.CreateLogger<DnsPersist01ChallengeSolver>();
    }

    /// <summary>The record this challenge needs; throws <see cref="Dns01ConfigException"/> when the solver names an issuer the CA does not offer.</summary>
    public static ChallengeDnsRecord Record(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        var solver = Solver(challenge);
        var record = DnsPersistRecord.For(
            DnsPersistIssuerChoice.Choose(solver.IssuerDomainName, challenge.Spec.IssuerDomainNames ?? []),
            AccountUrl(challenge),
            challenge.Spec.Wildcard == true,
            solver.PersistUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null);
        return new ChallengeDnsRecord
        {
            Name = DnsPersistRecord.RecordName(challenge.Spec.DnsName),
            Value = record.Format(),
            Managed = solver.Provider is not null,
        };
    }

    public async Task PresentAsync(Challenge challenge, CancellationToken ct)
    {
        var record = Record(challenge);
        if (Solver(challenge).Provider is not { } provider)
        {
            return; // published by hand: the status and an Event say what to publish
        }
        var (dns, fqdn) = await _dns.ResolveAsync(challenge, provider, record.Name, ct).ConfigureAwait(false);
        var standing = await _dns.CheckAsync(fqdn, Accepts(challenge), ct, TimeSpan.Zero).ConfigureAwait(false);
        if (standing.IsReady)
        {
            _logger.LogInformation("dns-persist-01 record for {DnsName} already stands at {Fqdn}; not writing it again", challenge.Spec.DnsName, fqdn);
            return;
        }
        await dns.PresentAsync(fqdn, record.Value, ct).ConfigureAwait(false);
    }

    public async Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct)
    {
        var record = Record(challenge);
        var provider = Solver(challenge).Provider;
        var fqdn = provider is null
            ? record.Name
            : await _dns.EffectiveNameAsync(record.Name, Dns01ConfigMapper.ParseCnameStrategy(provider.CnameStrategy), ct).ConfigureAwait(false);
        var check = await _dns.CheckAsync(fqdn, Accepts(challenge), ct).ConfigureAwait(false);
        return check.IsReady || provider is not null
            ? check
            : new SolverCheckResult(false, $"waiting for {record} to be published ({check.Message})", WaitsForPerson: true);
    }

    /// <summary>Nothing: the record is meant to stand for later issuances (and another account's records are not ours).</summary>
    public Task CleanUpAsync(Challenge challenge, CancellationToken ct) => Task.CompletedTask;

    public ChallengeDnsRecord? DescribeRecord(Challenge challenge) => Record(challenge);

    public string PresentedMessage(Challenge challenge, string displayName)
    {
        var record = Record(challenge);
        return record.Managed
            ? $"Presented dns-persist-01 challenge for {displayName}: {record} (kept after validation)"
            : $"Publish the TXT record {record} for {displayName}; the challenge is answered once the authoritative nameservers serve it";
    }

    /// <summary>Takes the TXT values when one of them authorizes our account as the CA will judge it (not only our exact text).</summary>
    private Func<IReadOnlyList<string>, bool> Accepts(Challenge challenge)
    {
        var offered = challenge.Spec.IssuerDomainNames ?? [];
        var account = AccountUrl(challenge);
        var wildcard = challenge.Spec.Wildcard == true;
        var now = _context.Time.GetUtcNow();
        return values => DnsPersistRecord.AnyAuthorizes(values, offered, account, wildcard, now);
    }

    private static AcmeChallengeSolverDnsPersist01 Solver(Challenge challenge) =>
        challenge.Spec.Solver.DnsPersist01 ?? throw new Dns01ConfigException("challenge solver has no dnsPersist01 block");

    private static string AccountUrl(Challenge challenge) =>
        string.IsNullOrEmpty(challenge.Spec.AccountUrl)
            ? throw new Dns01ConfigException("dns-persist-01 challenge has no accountURL to name in the record")
            : challenge.Spec.AccountUrl;
}
