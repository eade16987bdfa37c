using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Web;
using System.Xml.Linq;
using K8sCertOperator.Solvers.Dns01.Route53;

namespace K8sCertOperator.Tests.Solvers.Dns01.Route53;

/// <summary>
/// The Route53 2013-04-01 REST operations the provider uses, answered as documented: ListHostedZonesByName
/// (returns zones starting at dnsname, not only exact matches), ListResourceRecordSets (starts at name),
/// ChangeResourceRecordSets (UPSERT replaces the set; DELETE must match it exactly), ErrorResponse bodies.
/// The SigV4 signature is checked against the headers that actually arrived.
/// </summary>
public sealed class FakeRoute53Api
{
    public const string ZoneId = "Z1D633PJN98FT9";
    public static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "route53-test-secret");
    private static readonly XNamespace Ns = Route53Xml.Namespace;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (int Ttl, List<string> Values)> _sets = new(StringComparer.Ordinal);

    public (int Ttl, IReadOnlyList<string> Values)? Set(string name)
    {
        lock (_gate)
        {
            return _sets.TryGetValue(name, out var set) ? (set.Ttl, [.. set.Values]) : null;
        }
    }

    public void Seed(string name, int ttl, params string[] values)
    {
        lock (_gate)
        {
            _sets[name] = (ttl, [.. values]);
        }
    }

    public ApiAnswer Handle(RecordedRequest request)
    {
        if (!SignatureValid(request))
        {
            return Error(403, "Sender", "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided.");
        }
        var query = HttpUtility.ParseQueryString(request.Query);
        lock (_gate)
        {
            if (request.Method == "GET" && request.Path == "/2013-04-01/hostedzonesbyname")
            {
                // Lexicographic listing from dnsname: an exact match, or else the next zone (here example.net.).
                var (id, name) = query["dnsname"] == "example.com." ? ($"/hostedzone/{ZoneId}", "example.com.") : ("/hostedzone/ZNET", "example.net.");
                return Xml(new XElement(Ns + "ListHostedZonesByNameResponse",
                    new XElement(Ns + "HostedZones", new XElement(Ns + "HostedZone",
                        new XElement(Ns + "Id", id), new XElement(Ns + "Name", name), new XElement(Ns + "CallerReference", "ref"),
                        new XElement(Ns + "Config", new XElement(Ns + "PrivateZone", "false")),
                        new XElement(Ns + "ResourceRecordSetCount", "3"))),
                    new XElement(Ns + "DNSName", query["dnsname"]),
                    new XElement(Ns + "IsTruncated", "true"),
                    new XElement(Ns + "MaxItems", "1")));
            }
            if (request.Path == $"/2013-04-01/hostedzone/{ZoneId}/rrset" && request.Method == "GET")
            {
                var name = query["name"]!;
                var set = _sets.TryGetValue(name, out var found)
                    ? RecordSet(name, "TXT", found.Ttl, found.Values.Select(Route53Xml.Quote))
                    // Listing starts at the name: without a match the next set in order comes back.
                    : RecordSet("zzz.example.com.", "A", 300, ["127.0.0.1"]);
                return Xml(new XElement(Ns + "ListResourceRecordSetsResponse",
                    new XElement(Ns + "ResourceRecordSets", set),
                    new XElement(Ns + "IsTruncated", "false"),
                    new XElement(Ns + "MaxItems", "1")));
            }
            if (request.Path == $"/2013-04-01/hostedzone/{ZoneId}/rrset/" && request.Method == "POST")
            {
                return Change(XDocument.Parse(request.Body));
            }
        }
        return Error(404, "Sender", "NoSuchHostedZone", $"No hosted zone found for {request.Path}");
    }

    private ApiAnswer Change(XDocument body)
    {
        var change = body.Descendants(Ns + "Change").Single();
        var action = change.Element(Ns + "Action")!.Value;
        var set = change.Element(Ns + "ResourceRecordSet")!;
        var name = set.Element(Ns + "Name")!.Value;
        var ttl = int.Parse(set.Element(Ns + "TTL")!.Value, CultureInfo.InvariantCulture);
        var values = set.Descendants(Ns + "Value").Select(v => Route53Xml.Unquote(v.Value)).ToList();
        if (set.Element(Ns + "Type")!.Value != "TXT" || values.Count == 0)
        {
            return Error(400, "Sender", "InvalidInput", "bad record set");
        }
        switch (action)
        {
            case "UPSERT":
                _sets[name] = (ttl, values);
                break;
            case "DELETE" when _sets.TryGetValue(name, out var existing) && existing.Ttl == ttl && existing.Values.SequenceEqual(values):
                _sets.Remove(name);
                break;
            case "DELETE":
                return Error(400, "Sender", "InvalidChangeBatch", $"Tried to delete resource record set [name='{name}', type='TXT'] but the values provided do not match the current values");
            default:
                return Error(400, "Sender", "InvalidInput", $"unknown action {action}");
        }
        return Xml(new XElement(Ns + "ChangeResourceRecordSetsResponse",
            new XElement(Ns + "ChangeInfo",
                new XElement(Ns + "Id", "/change/C2682N5HXP0BZ4"),
                new XElement(Ns + "Status", "PENDING"),
                new XElement(Ns + "SubmittedAt", "2026-01-01T00:00:00.000Z"))));
    }

    private static bool SignatureValid(RecordedRequest request)
    {
        var authorization = request.Header("Authorization");
        var amzDate = request.Header("X-Amz-Date");
        if (authorization is null || amzDate is null)
        {
            return false;
        }
        var signedHeaders = authorization.Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var header in signedHeaders)
        {
            headers[header] = request.Header(header) ?? string.Empty;
        }
        var time = DateTimeOffset.ParseExact(amzDate, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        var uri = new Uri($"http://{request.Header("Host")}{request.PathAndQuery}");
        var canonical = AwsSigV4Signer.CanonicalRequest(
            request.Method, uri, headers, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.Body))));
        var expected = AwsSigV4Signer.AuthorizationHeader(canonical, headers.Keys, Credentials, "us-east-1", "route53", time);
        return expected == authorization;
    }

    private static XElement RecordSet(string name, string type, int ttl, IEnumerable<string> values) =>
        new(Ns + "ResourceRecordSet",
            new XElement(Ns + "Name", name),
            new XElement(Ns + "Type", type),
            new XElement(Ns + "TTL", ttl),
            new XElement(Ns + "ResourceRecords", values.Select(v => new XElement(Ns + "ResourceRecord", new XElement(Ns + "Value", v)))));

    private static ApiAnswer Xml(XElement root) => new(200, root.ToString(), "text/xml");

    private static ApiAnswer Error(int status, string type, string code, string message) =>
        new(status, new XElement(Ns + "ErrorResponse",
            new XElement(Ns + "Error", new XElement(Ns + "Type", type), new XElement(Ns + "Code", code), new XElement(Ns + "Message", message)),
            new XElement(Ns + "RequestId", Guid.NewGuid())).ToString(), "text/xml");
}
