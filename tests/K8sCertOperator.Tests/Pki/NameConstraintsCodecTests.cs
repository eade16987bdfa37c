using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class NameConstraintsCodecTests
{
    public static TheoryData<string, NameConstraints, string> Encodings => new()
    {
        {
            "permitted DNS domain",
            new NameConstraints { Permitted = new NameConstraintSubtrees { DnsDomains = ["example.com"] } },
            "3011A00F300D820B6578616D706C652E636F6D"
        },
        {
            "excluded IPv4 range",
            new NameConstraints { Excluded = new NameConstraintSubtrees { IpRanges = ["10.0.0.0/8"] } },
            "300EA10C300A87080A000000FF000000"
        },
        {
            "permitted e-mail and URI domain, in Go's order",
            new NameConstraints { Permitted = new NameConstraintSubtrees { UriDomains = [".u"], EmailAddresses = ["e"] } },
            "300DA00B3003810165300486022E75"
        },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void EncodesSubtrees(string name, NameConstraints constraints, string expectedHex)
    {
        var extension = NameConstraintsCodec.Encode(constraints);
        Assert.NotNull(extension);
        Assert.Equal("2.5.29.30", extension.Oid!.Value);
        Assert.True(expectedHex == Convert.ToHexString(extension.RawData), $"{name}: {Convert.ToHexString(extension.RawData)}");
        Assert.True(constraints.SameAs(NameConstraintsCodec.Decode(extension.RawData, extension.Critical)), name);
    }

    [Fact]
    public void EmptyConstraintsAddNoExtension()
    {
        Assert.Null(NameConstraintsCodec.Encode(null));
        Assert.Null(NameConstraintsCodec.Encode(new NameConstraints { Critical = true }));
    }

    [Fact]
    public void CriticalFlagIsKept()
    {
        var constraints = new NameConstraints { Critical = true, Permitted = new NameConstraintSubtrees { DnsDomains = ["a.example"] } };
        Assert.True(NameConstraintsCodec.Encode(constraints)!.Critical);
    }

    [Theory]
    [InlineData("10.0.0.0/8", "0A000000FF000000")]
    [InlineData("192.168.1.0/24", "C0A80100FFFFFF00")]
    [InlineData("192.168.1.7/32", "C0A80107FFFFFFFF")]
    [InlineData("fd00::/8", "FD000000000000000000000000000000FF000000000000000000000000000000")]
    [InlineData("10.0.0.1/8", "0A000000FF000000")] // host bits dropped, as Go's net.ParseCIDR (cert-manager) does
    [InlineData("10.0.0.0", null)]
    [InlineData("example.com/8", null)]
    public void ParsesCidrRanges(string cidr, string? expectedHex)
    {
        var bytes = NameConstraintsCodec.TryParseCidr(cidr);
        Assert.Equal(expectedHex, bytes is null ? null : Convert.ToHexString(bytes));
    }
}
