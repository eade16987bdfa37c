namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>Settings of the Cloudflare API v4 provider: an API token, or a legacy email + global API key.</summary>
/// <param name="ApiToken">Scoped API token (Zone:Read, DNS:Edit), sent as <c>Authorization: Bearer</c>.</param>
/// <param name="Email">Account email for the legacy <c>X-Auth-Email</c>/<c>X-Auth-Key</c> scheme.</param>
/// <param name="ApiKey">Global API key for the legacy scheme.</param>
public sealed record CloudflareSettings(string? ApiToken = null, string? Email = null, string? ApiKey = null) : DnsProviderSettings
{
    /// <summary>The documented API root; replaced in tests by a local endpoint.</summary>
    public static readonly Uri DefaultBaseUri = new("https://api.cloudflare.com/client/v4/");

    public Uri BaseUri { get; init; } = DefaultBaseUri;

    /// <summary>TTL of the records we add (120 s is the smallest Cloudflare accepts on non-enterprise zones).</summary>
    public int Ttl { get; init; } = 120;

    public override string ToString() =>
        $"CloudflareSettings {{ BaseUri = {BaseUri}, Auth = {(ApiToken is not null ? "token" : "email+key")}, Email = {Email} }}";
}
