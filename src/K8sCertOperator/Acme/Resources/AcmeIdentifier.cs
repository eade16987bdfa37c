using System.Net;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>An identifier in an order or authorization: a DNS name (possibly wildcard) or an IP address.</summary>
public sealed record AcmeIdentifier
{
    public const string DnsType = "dns";
    public const string IpType = "ip";

    [JsonConstructor]
    public AcmeIdentifier(string type, string value)
    {
        Type = type;
        Value = value;
    }

    [JsonPropertyName("type")]
    public string Type { get; }

    [JsonPropertyName("value")]
    public string Value { get; }

    [JsonIgnore]
    public bool IsWildcard => Type == DnsType && Value.StartsWith("*.", StringComparison.Ordinal);

    public static AcmeIdentifier Dns(string name) => new(DnsType, name.TrimEnd('.').ToLowerInvariant());

    public static AcmeIdentifier Ip(IPAddress address) => new(IpType, address.ToString());

    /// <summary>An IP identifier for a dotted-quad or IPv6 literal, else a DNS identifier.</summary>
    public static AcmeIdentifier Parse(string text) =>
        // IPAddress.TryParse also takes "1" or "10.1" (legacy inet_aton forms); those are not meant as IPs here.
        IPAddress.TryParse(text, out var ip) && (text.Contains(':', StringComparison.Ordinal) || text.Count(c => c == '.') == 3)
            ? Ip(ip)
            : Dns(text);

    public override string ToString() => $"{Type}:{Value}";
}
