using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// What the Issuing condition says while the request's Order waits for TXT records somebody must publish
/// (dns-persist-01 without a DNS provider: the Challenge's status.dnsRecord with managed=false).
/// </summary>
public static class ManualDnsRecordWait
{
    /// <summary>Issuing condition reason while records wait to be published.</summary>
    public const string Reason = "WaitingForDnsRecord";

    /// <summary>The message naming every record still to publish, in a stable order; null when none is waited for.</summary>
    public static string? Message(string orderName, IEnumerable<Challenge> challenges)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        var records = challenges
            .Where(c => c.Status?.DnsRecord is { Managed: false } && !AcmeStates.IsFinal(c.Status.State))
            .Select(c => c.Status!.DnsRecord!.ToString())
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return records.Count switch
        {
            0 => null,
            1 => $"Order {orderName} waits for this TXT record to be published: {records[0]}",
            _ => $"Order {orderName} waits for these TXT records to be published: {string.Join("; ", records)}",
        };
    }
}
