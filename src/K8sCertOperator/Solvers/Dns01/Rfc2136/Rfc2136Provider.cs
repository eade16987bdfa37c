using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using ARSoft.Tools.Net.Dns.DynamicUpdate;
using ArDnsClient = ARSoft.Tools.Net.Dns.DnsClient;

namespace K8sCertOperator.Solvers.Dns01.Rfc2136;

/// <summary>Publishes DNS-01 TXT values with RFC 2136 dynamic updates, signed with TSIG (RFC 8945) when a key is configured.</summary>
public sealed class Rfc2136Provider : IDnsProvider
{
    // Allowed clock skew between us and the server for the TSIG time check (RFC 8945 recommends 300 s).
    private static readonly TimeSpan Fudge = TimeSpan.FromMinutes(5);

    private readonly Rfc2136Settings _settings;
    private readonly NameserverAddress _server;
    private readonly TSigAlgorithm _algorithm;
    private readonly DnsLookup _lookup;

    public Rfc2136Provider(Rfc2136Settings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _settings = settings;
        _server = NameserverAddress.Parse(settings.Nameserver);
        _algorithm = TsigAlgorithmNames.Parse(settings.TsigAlgorithm);
        if (settings.TsigKeyName is not null && (settings.TsigSecret is null || settings.TsigSecret.Length == 0))
        {
            throw new ArgumentException($"TSIG key '{settings.TsigKeyName}' has no secret", nameof(settings));
        }
        _lookup = new DnsLookup(settings.QueryTimeout);
    }

    public Task PresentAsync(string fqdn, string value, CancellationToken ct) =>
        UpdateAsync(fqdn, value, present: true, ct);

    public Task CleanUpAsync(string fqdn, string value, CancellationToken ct) =>
        UpdateAsync(fqdn, value, present: false, ct);

    /// <summary>The zone the update is addressed to: the apex the configured server reports for <paramref name="fqdn"/>.</summary>
    public async Task<string> FindZoneAsync(string fqdn, CancellationToken ct)
    {
        var endpoint = await _server.ResolveAsync(ct).ConfigureAwait(false);
        return await _lookup.FindZoneAsync([endpoint], fqdn, ct).ConfigureAwait(false);
    }

    private async Task UpdateAsync(string fqdn, string value, bool present, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = DnsName.Normalize(fqdn);
        var endpoint = await _server.ResolveAsync(ct).ConfigureAwait(false);
        var zone = await _lookup.FindZoneAsync([endpoint], name, ct).ConfigureAwait(false);

        var message = new DnsUpdateMessage { ZoneName = DomainName.Parse(zone) };
        var owner = DomainName.Parse(name);
        // Adding to or deleting one RR from an RRset leaves the set's other values alone
        // (RFC 2136 section 2.5), which is exactly the add-keep-others / remove-only-ours contract.
        message.Updates.Add(present
            ? new AddRecordUpdate(new TxtRecord(owner, _settings.Ttl, value))
            : new DeleteRecordUpdate(new TxtRecord(owner, 0, value)));
        if (_settings.TsigKeyName is not null)
        {
            message.TSigOptions = new TSigRecord(
                DomainName.Parse(_settings.TsigKeyName),
                _algorithm,
                DateTime.UtcNow,
                Fudge,
                message.TransactionID,
                ReturnCode.NoError,
                null,
                _settings.TsigSecret);
        }

        var response = await SendAsync(endpoint, message, ct).ConfigureAwait(false);
        var action = present ? "add" : "delete";
        if (response is null)
        {
            throw new DnsProviderException(
                $"RFC 2136 {action} of TXT {name} in zone {zone}: no valid answer from {_server} within {_settings.QueryTimeout.TotalSeconds}s");
        }
        var tsigError = response.TSigOptions is { Error: not ReturnCode.NoError } tsig
            ? DnsResponseCodes.Mnemonic((int)tsig.Error)
            : null;
        if (response.ReturnCode != ReturnCode.NoError || tsigError is not null)
        {
            var rcode = DnsResponseCodes.Mnemonic((int)response.ReturnCode);
            var detail = tsigError is null ? rcode : $"{rcode}/{tsigError}";
            throw new Rfc2136UpdateException(
                $"RFC 2136 {action} of TXT {name} in zone {zone} was rejected by {_server}: {detail}{Hint(rcode, tsigError)}",
                rcode,
                tsigError);
        }
    }

    private async Task<DnsUpdateMessage?> SendAsync(IPEndPoint endpoint, DnsUpdateMessage message, CancellationToken ct)
    {
        var transports = new IClientTransport[] { new UdpClientTransport(endpoint.Port), new TcpClientTransport(endpoint.Port) };
        using var client = new ArDnsClient([endpoint.Address], transports, true, (int)_settings.QueryTimeout.TotalMilliseconds)
        {
            // Drop answers whose id/question do not match ours (spoofing, stale datagrams); a BADSIG
            // answer still matches and is read normally.
            IsResponseValidationEnabled = true,
        };
        return await client.SendUpdateAsync(message, ct).ConfigureAwait(false);
    }

    private string Hint(string rcode, string? tsigError) => (rcode, tsigError) switch
    {
        (_, "BADSIG") => $" (TSIG secret for key '{_settings.TsigKeyName}' does not match the server's)",
        (_, "BADKEY") => $" (server does not know TSIG key '{_settings.TsigKeyName}' with {TsigAlgorithmNames.WireName(_algorithm)})",
        (_, "BADTIME") => " (clock skew between operator and DNS server)",
        ("REFUSED", _) => " (server does not allow updates from this key or address)",
        ("NOTAUTH", _) => " (server is not authoritative for the zone or rejected the TSIG signature)",
        _ => string.Empty,
    };
}
