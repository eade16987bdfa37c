using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Pure check of what the account-bound challenge types need before a Challenge is made: both name the account URL,
/// and a dns-persist-01 challenge must offer 1 to 10 issuer domain names of at most 253 ASCII characters
/// (draft-ietf-acme-dns-persist: a client MUST reject anything else as malformed).
/// </summary>
public static class AccountBoundChallengeCheck
{
    public const int MaxIssuerDomainNames = 10;

    public const int MaxIssuerDomainNameLength = 253;

    /// <summary>Why the challenge cannot be used, or null.</summary>
    public static string? Check(string challengeType, string identifier, AcmeChallenge offered, string? accountUrl)
    {
        ArgumentNullException.ThrowIfNull(offered);
        if (challengeType is not (ChallengeTypes.DnsPersist01 or ChallengeTypes.DnsAccount01))
        {
            return null;
        }
        if (string.IsNullOrEmpty(accountUrl))
        {
            return $"{challengeType} for {identifier} needs the ACME account URL, which the issuer has not recorded yet";
        }
        if (challengeType == ChallengeTypes.DnsAccount01)
        {
            return null;
        }
        return IsWellFormed(offered.IssuerDomainNames ?? [])
            ? null
            : $"the ACME server's dns-persist-01 challenge for {identifier} is malformed: it must offer 1 to {MaxIssuerDomainNames} " +
              $"issuer-domain-names of at most {MaxIssuerDomainNameLength} printable ASCII characters";
    }

    /// <summary>1 to 10 names, each 1 to 253 printable ASCII characters without ';' (which would break the record).</summary>
    public static bool IsWellFormed(IReadOnlyCollection<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        return names.Count is > 0 and <= MaxIssuerDomainNames
            && names.All(n => n.Length is > 0 and <= MaxIssuerDomainNameLength && n.All(c => c is > ' ' and <= '~' and not ';'));
    }
}
