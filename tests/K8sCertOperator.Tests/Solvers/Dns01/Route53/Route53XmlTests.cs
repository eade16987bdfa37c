using System.Xml.Linq;
using K8sCertOperator.Solvers.Dns01.Route53;

namespace K8sCertOperator.Tests.Solvers.Dns01.Route53;

public sealed class Route53XmlTests
{
    private static readonly XNamespace Ns = "https://route53.amazonaws.com/doc/2013-04-01/";

    [Theory]
    [InlineData("abc", "\"abc\"")]
    [InlineData("a\"b", "\"a\\\"b\"")]
    [InlineData("a\\b", "\"a\\\\b\"")]
    public void Quote_round_trips(string raw, string quoted)
    {
        Assert.Equal(quoted, Route53Xml.Quote(raw));
        Assert.Equal(raw, Route53Xml.Unquote(quoted));
    }

    [Theory]
    [InlineData("\"part1\" \"part2\"", "part1part2")]
    [InlineData("unquoted", "unquoted")]
    public void Unquote_joins_character_strings(string stored, string expected) =>
        Assert.Equal(expected, Route53Xml.Unquote(stored));

    [Fact]
    public void Change_batch_follows_the_documented_shape()
    {
        var xml = Route53Xml.ChangeBatch("UPSERT", new Route53TxtRecordSet("_acme-challenge.example.com", 60, ["a", "b"]), "why");
        var root = XDocument.Parse(xml).Root!;

        Assert.Equal(Ns + "ChangeResourceRecordSetsRequest", root.Name);
        var change = root.Element(Ns + "ChangeBatch")!.Element(Ns + "Changes")!.Element(Ns + "Change")!;
        Assert.Equal("UPSERT", change.Element(Ns + "Action")!.Value);
        var set = change.Element(Ns + "ResourceRecordSet")!;
        Assert.Equal("_acme-challenge.example.com.", set.Element(Ns + "Name")!.Value);
        Assert.Equal("TXT", set.Element(Ns + "Type")!.Value);
        Assert.Equal("60", set.Element(Ns + "TTL")!.Value);
        Assert.Equal(["\"a\"", "\"b\""], set.Descendants(Ns + "Value").Select(v => v.Value));
    }

    [Fact]
    public void Hosted_zone_is_matched_by_exact_name_and_skips_private_zones()
    {
        var xml = $"""
            <ListHostedZonesByNameResponse xmlns="{Ns}">
              <HostedZones>
                <HostedZone><Id>/hostedzone/ZPRIVATE</Id><Name>example.com.</Name><Config><PrivateZone>true</PrivateZone></Config></HostedZone>
                <HostedZone><Id>/hostedzone/ZPUBLIC</Id><Name>example.com.</Name><Config><PrivateZone>false</PrivateZone></Config></HostedZone>
              </HostedZones>
              <IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>
            </ListHostedZonesByNameResponse>
            """;

        Assert.Equal("ZPUBLIC", Route53Xml.HostedZoneId(xml, "example.com"));
        Assert.Null(Route53Xml.HostedZoneId(xml, "www.example.com."));
    }

    [Fact]
    public void Txt_set_is_read_only_for_the_asked_name()
    {
        var xml = $"""
            <ListResourceRecordSetsResponse xmlns="{Ns}">
              <ResourceRecordSets>
                <ResourceRecordSet><Name>_acme-challenge.example.com.</Name><Type>TXT</Type><TTL>300</TTL>
                  <ResourceRecords><ResourceRecord><Value>"one"</Value></ResourceRecord><ResourceRecord><Value>"two"</Value></ResourceRecord></ResourceRecords>
                </ResourceRecordSet>
              </ResourceRecordSets>
              <IsTruncated>false</IsTruncated><MaxItems>1</MaxItems>
            </ListResourceRecordSetsResponse>
            """;

        var set = Route53Xml.TxtRecordSet(xml, "_acme-challenge.example.com");
        Assert.NotNull(set);
        Assert.Equal("_acme-challenge.example.com.", set.Name);
        Assert.Equal(300, set.Ttl);
        Assert.Equal(["one", "two"], set.Values);
        Assert.Null(Route53Xml.TxtRecordSet(xml, "_acme-challenge.www.example.com."));
    }
}
