namespace K8sCertOperator.Api.Acme;

/// <summary>Values of Challenge <c>spec.type</c> (cert-manager's spelling; the ACME wire uses lower case).</summary>
public static class ChallengeTypes
{
    public const string Http01 = "HTTP-01";
    public const string Dns01 = "DNS-01";

    /// <summary>draft-ietf-acme-dns-persist: one standing TXT record at <c>_validation-persist.NAME</c>.</summary>
    public const string DnsPersist01 = "DNS-PERSIST-01";

    /// <summary>draft-ietf-acme-dns-account-label: DNS-01 at <c>_LABEL._acme-challenge.NAME</c>, LABEL from the account URL.</summary>
    public const string DnsAccount01 = "DNS-ACCOUNT-01";

    public static IReadOnlyList<string> All { get; } = [Http01, Dns01, DnsPersist01, DnsAccount01];

    /// <summary>Maps the ACME wire type ("http-01") to ours, or null when unsupported.</summary>
    public static string? FromAcme(string acmeType) => acmeType switch
    {
        "http-01" => Http01,
        "dns-01" => Dns01,
        "dns-persist-01" => DnsPersist01,
        "dns-account-01" => DnsAccount01,
        _ => null,
    };

    /// <summary>True for the types whose challenge token is used (served, hashed into a record).</summary>
    public static bool UsesToken(string type) => type != DnsPersist01;
}
