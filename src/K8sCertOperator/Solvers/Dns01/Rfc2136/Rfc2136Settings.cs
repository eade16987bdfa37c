namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>Settings of the RFC 2136 dynamic-update provider (cert-manager's <c>rfc2136</c> solver, secret already read).</summary>
/// <param name="Nameserver">Primary server accepting updates, <c>host:port</c> (port 53 when omitted).</param>
/// <param name="TsigKeyName">TSIG key name; null sends unsigned updates.</param>
/// <param name="TsigAlgorithm">TSIG algorithm, e.g. <c>hmac-sha256</c> or cert-manager's <c>HMACSHA256</c>.</param>
/// <param name="TsigSecret">Raw (base64-decoded) TSIG key bytes.</param>
public sealed record Rfc2136Settings(
    string Nameserver,
    string? TsigKeyName = null,
    string TsigAlgorithm = "hmac-sha256",
    byte[]? TsigSecret = null) : DnsProviderSettings
{
    /// <summary>TTL of the records we add; short, since they only live for one validation.</summary>
    public int Ttl { get; init; } = 60;

    /// <summary>Timeout of each DNS query or update.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    // Records print their members; the secret must never reach a log line.
    public override string ToString() =>
        $"Rfc2136Settings {{ Nameserver = {Nameserver}, TsigKeyName = {TsigKeyName}, TsigAlgorithm = {TsigAlgorithm} }}";
}
