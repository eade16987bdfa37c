namespace K8sCertOperator.Api.Acme;

/// <summary>Values of Challenge <c>spec.type</c> (cert-manager's spelling; the ACME wire uses lower case).</summary>
public static class ChallengeTypes
{
    public const string Http01 = "HTTP-01";
    public const string Dns01 = "DNS-01";

    public static IReadOnlyList<string> All { get; } = [Http01, Dns01];

    /// <summary>Maps the ACME wire type ("http-01") to ours, or null when unsupported.</summary>
    public static string? FromAcme(string acmeType) => acmeType switch
    {
        "http-01" => Http01,
        "dns-01" => Dns01,
        _ => null,
    };
}
