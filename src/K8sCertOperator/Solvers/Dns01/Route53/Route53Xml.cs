using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace K8sCertOperator.Solvers.Dns01.Route53;

/// <summary>Builds and reads the Route53 2013-04-01 REST XML documents the provider uses.</summary>
public static class Route53Xml
{
    public static readonly XNamespace Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    /// <summary>A <c>ChangeResourceRecordSetsRequest</c> with one change (<c>UPSERT</c> or <c>DELETE</c>) of a whole TXT set.</summary>
    public static string ChangeBatch(string action, Route53TxtRecordSet set, string comment)
    {
        ArgumentNullException.ThrowIfNull(set);
        var ns = Namespace;
        var document = new XDocument(
            new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "ChangeResourceRecordSetsRequest",
                new XElement(ns + "ChangeBatch",
                    new XElement(ns + "Comment", comment),
                    new XElement(ns + "Changes",
                        new XElement(ns + "Change",
                            new XElement(ns + "Action", action),
                            new XElement(ns + "ResourceRecordSet",
                                new XElement(ns + "Name", DnsName.Normalize(set.Name)),
                                new XElement(ns + "Type", "TXT"),
                                new XElement(ns + "TTL", set.Ttl.ToString(CultureInfo.InvariantCulture)),
                                new XElement(ns + "ResourceRecords",
                                    set.Values.Select(v => new XElement(ns + "ResourceRecord",
                                        new XElement(ns + "Value", Quote(v)))))))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    /// <summary>Id (without <c>/hostedzone/</c>) of the public hosted zone named <paramref name="zone"/> in a <c>ListHostedZonesByNameResponse</c>.</summary>
    public static string? HostedZoneId(string xml, string zone)
    {
        var ns = Namespace;
        var wanted = DnsName.Normalize(zone);
        return XDocument.Parse(xml).Descendants(ns + "HostedZone")
            .Where(z => (string?)z.Element(ns + "Name") is { } name && DnsName.Normalize(name) == wanted)
            .Where(z => !string.Equals((string?)z.Element(ns + "Config")?.Element(ns + "PrivateZone"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(z => StripPrefix((string?)z.Element(ns + "Id") ?? string.Empty))
            .FirstOrDefault(id => id.Length > 0);
    }

    /// <summary>The TXT set named <paramref name="name"/> in a <c>ListResourceRecordSetsResponse</c>, or null (the listing starts at the name but may hold others).</summary>
    public static Route53TxtRecordSet? TxtRecordSet(string xml, string name)
    {
        var ns = Namespace;
        var wanted = DnsName.Normalize(name);
        var set = XDocument.Parse(xml).Descendants(ns + "ResourceRecordSet").FirstOrDefault(s =>
            (string?)s.Element(ns + "Type") == "TXT"
            && (string?)s.Element(ns + "Name") is { } n && DnsName.Normalize(n) == wanted);
        if (set is null)
        {
            return null;
        }
        var ttl = int.Parse((string?)set.Element(ns + "TTL") ?? "300", CultureInfo.InvariantCulture);
        var values = set.Descendants(ns + "Value").Select(v => Unquote(v.Value)).ToList();
        return new Route53TxtRecordSet(wanted, ttl, values);
    }

    /// <summary><c>Error/Code</c> and <c>Error/Message</c> of an <c>ErrorResponse</c>, if the body is one.</summary>
    public static (string? Code, string? Message) Error(string xml)
    {
        try
        {
            var error = XDocument.Parse(xml).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            return (
                error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value,
                error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null);
        }
    }

    /// <summary>Route53 stores TXT values in zone-file form: quoted, with <c>"</c> and <c>\</c> escaped.</summary>
    public static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>Inverse of <see cref="Quote"/>; several quoted strings in one value are concatenated.</summary>
    public static string Unquote(string value)
    {
        var text = value.Trim();
        if (!text.StartsWith('"'))
        {
            return text;
        }
        var builder = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[++i]);
            }
            else if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (inQuotes)
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }

    private static string StripPrefix(string id) =>
        id.StartsWith("/hostedzone/", StringComparison.Ordinal) ? id["/hostedzone/".Length..] : id;

    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
