using System.Globalization;
using System.Net;

namespace K8sCertOperator.Solvers.Dns01;

/// <summary>A nameserver given as <c>host:port</c> (port defaults to 53; IPv6 as <c>[::1]:53</c>).</summary>
public sealed record NameserverAddress(string Host, int Port)
{
    public const int DefaultPort = 53;

    /// <summary>Parses <c>host</c>, <c>host:port</c>, <c>1.2.3.4:53</c>, <c>[::1]:53</c> or a bare IPv6 address.</summary>
    public static NameserverAddress Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (text.Length == 0)
        {
            throw new FormatException("nameserver address is empty");
        }
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw new FormatException($"nameserver '{value}' has no closing ']'");
            }
            var host = text[1..close];
            var rest = text[(close + 1)..];
            return rest.Length == 0
                ? new NameserverAddress(host, DefaultPort)
                : rest.StartsWith(':') ? new NameserverAddress(host, ParsePort(rest[1..], value))
                : throw new FormatException($"nameserver '{value}' has text after ']'");
        }
        var colons = text.Count(c => c == ':');
        if (colons > 1)
        {
            // A bare IPv6 address cannot carry a port without brackets.
            return new NameserverAddress(text, DefaultPort);
        }
        if (colons == 1)
        {
            var at = text.IndexOf(':', StringComparison.Ordinal);
            return new NameserverAddress(text[..at], ParsePort(text[(at + 1)..], value));
        }
        return new NameserverAddress(text, DefaultPort);
    }

    /// <summary>Resolves the host (an IP literal needs no lookup) to the endpoint to send queries to.</summary>
    public async Task<IPEndPoint> ResolveAsync(CancellationToken ct)
    {
        if (IPAddress.TryParse(Host, out var literal))
        {
            return new IPEndPoint(literal, Port);
        }
        var addresses = await Dns.GetHostAddressesAsync(Host, ct).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new DnsProviderException($"nameserver host '{Host}' has no address");
        }
        return new IPEndPoint(addresses[0], Port);
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";

    private static int ParsePort(string text, string original) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and <= 65535
            ? port
            : throw new FormatException($"nameserver '{original}' has an invalid port");
}
