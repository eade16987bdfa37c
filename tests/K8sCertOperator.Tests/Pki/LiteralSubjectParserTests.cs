using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class LiteralSubjectParserTests
{
    public static TheoryData<string, string> Parsed => new()
    {
        // Each RDN as oid=value, "+" within a multi-valued RDN, "|" between RDNs, in string order.
        { "CN=foo,DC=corp,DC=example,DC=com", "2.5.4.3=foo|0.9.2342.19200300.100.1.25=corp|0.9.2342.19200300.100.1.25=example|0.9.2342.19200300.100.1.25=com" },
        { "cn=a+uid=b, O=x", "2.5.4.3=a+0.9.2342.19200300.100.1.1=b|2.5.4.10=x" },
        { "SERIALNUMBER=42,L=Berlin,ST=BE,STREET=Main St 1,C=DE,OU=ops", "2.5.4.5=42|2.5.4.7=Berlin|2.5.4.8=BE|2.5.4.9=Main St 1|2.5.4.6=DE|2.5.4.11=ops" },
        { "2.5.4.3=by-oid,1.2.3.4=custom", "2.5.4.3=by-oid|1.2.3.4=custom" },
        { @"CN=Doe\, John,O=a\+b\=c", "2.5.4.3=Doe, John|2.5.4.10=a+b=c" },
        { @"CN=caf\C3\A9", "2.5.4.3=café" },
        { @"CN=\ lead and trail\ ", "2.5.4.3= lead and trail " },
        { "CN=x;O=y", "2.5.4.3=x|2.5.4.10=y" },
    };

    [Theory]
    [MemberData(nameof(Parsed))]
    public void ParsesRdnsInStringOrder(string literal, string expected)
    {
        var (rdns, error) = LiteralSubjectParser.Parse(literal);
        Assert.Null(error);
        var text = string.Join("|", rdns!.Select(rdn => string.Join("+", rdn.Select(a => $"{a.Oid}={a.Value}"))));
        Assert.Equal(expected, text);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("CN", "type=value")]
    [InlineData("XX=1", "unknown attribute type")]
    [InlineData("CN=#0403666F6F", "hex-encoded")]
    [InlineData("CN=a,O=", "empty value")]
    [InlineData("CN=a=b", "unescaped")]
    [InlineData(@"CN=a\", "backslash")]
    [InlineData(@"CN=\FF\FE", "UTF-8")]
    public void RefusesMalformedStrings(string literal, string expectedError)
    {
        var (rdns, error) = LiteralSubjectParser.Parse(literal);
        Assert.Null(rdns);
        Assert.Contains(expectedError, error, StringComparison.Ordinal);
    }

    [Theory]
    // The encoded RDNSequence is the reverse of the string; a multi-valued RDN is a DER SET OF (sorted).
    [InlineData("CN=a+UID=b,O=x", "3029310A300806035504 0A130178311B3008060355040313016130 0F060A0992268993F22C6401011301 62")]
    [InlineData("CN=é", "300D310B300906035504030C02C3A9")]
    public void EncodesInExactOrder(string literal, string expectedHex)
    {
        var name = LiteralSubjectParser.Encode(literal);
        Assert.Equal(expectedHex.Replace(" ", "", StringComparison.Ordinal), Convert.ToHexString(name.RawData));
    }
}
