using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>Everything a challenge responder needs to publish (and later remove) one challenge response.</summary>
/// <param name="Identifier">The authorization's identifier (no "*." even for wildcards).</param>
/// <param name="Wildcard">True when the order asked for "*.Identifier".</param>
/// <param name="ChallengeType">http-01 or dns-01 (or another type the responder declared).</param>
/// <param name="Token">The challenge token; empty for dns-persist-01, which has none.</param>
/// <param name="KeyAuthorization">token.thumbprint; HTTP-01 serves it verbatim (empty for dns-persist-01).</param>
public sealed record AcmeChallengeContext(AcmeIdentifier Identifier, bool Wildcard, string ChallengeType, string Token, string KeyAuthorization)
{
    /// <summary>The DNS-01 TXT value.</summary>
    public string DnsTxtValue => AcmeKeyAuthorization.Dns01TxtValue(KeyAuthorization);

    /// <summary>The DNS-01 record name, "_acme-challenge.&lt;name&gt;." (fully qualified).</summary>
    public string DnsRecordName => AcmeKeyAuthorization.Dns01RecordName(Identifier);

    /// <summary>The account URL the order runs under (dns-account-01 derives its label from it, dns-persist-01 names it).</summary>
    public string? AccountUrl { get; init; }

    /// <summary>dns-persist-01: the issuer domain names the CA accepts in the record.</summary>
    public IReadOnlyList<string> IssuerDomainNames { get; init; } = [];

    /// <summary>The dns-account-01 record name, "_LABEL._acme-challenge.&lt;name&gt;." (draft-ietf-acme-dns-account-label).</summary>
    public string DnsAccountRecordName => Challenges.DnsAccountLabel.RecordName(
        AccountUrl ?? throw new InvalidOperationException("dns-account-01 needs the account URL"), Identifier.Value);

    /// <summary>The HTTP-01 path.</summary>
    public string HttpPath => AcmeKeyAuthorization.Http01Path(Token);
}
