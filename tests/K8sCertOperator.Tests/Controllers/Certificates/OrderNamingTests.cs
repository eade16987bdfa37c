using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class OrderNamingTests
{
    private static readonly byte[] KeyA = [1, 2, 3];
    private static readonly byte[] KeyB = [1, 2, 4];

    private static OrderRequest Request(string[]? dns = null, byte[]? key = null, int attempt = 0, string? duration = null, string issuer = "le", int revision = 1) =>
        new("web", revision, new ObjectReference { Name = issuer }, null, dns ?? ["a.example", "b.example"], [], duration, key ?? KeyA, attempt);

    [Fact]
    public void NameIsCertificateRevisionAndHash()
    {
        var request = Request();
        Assert.Matches("^web-1-[0-9a-f]{10}$", request.OrderName);
        Assert.Equal(request.OrderName, Request().OrderName);
    }

    [Theory]
    [InlineData("web-1-0123456789", true)]
    [InlineData("web-1-abcdef0123", true)]
    [InlineData("web-2-0123456789", false)]
    [InlineData("web-1-ABCDEF0123", false)]
    [InlineData("web-1-012345678", false)]
    [InlineData("web-1", false)]
    [InlineData("web-x7k2p", false)]
    [InlineData("web-1-0123456789-1", false)]
    [InlineData("other-1-0123456789", false)]
    public void OwnNamesAreTellableFromCertManagers(string name, bool own) =>
        Assert.Equal(own, OrderNaming.IsOwn(name, "web", 1));

    [Fact]
    public void OwnNamesOfLongCertificateNamesAreRecognised() =>
        Assert.True(OrderNaming.IsOwn(Request().OrderName.Replace("web-", new string('w', 60)[..OrderNaming.MaxCertificateNameLength] + "-", StringComparison.Ordinal), new string('w', 60), 1));

    [Fact]
    public void NameOrderAndCaseOfDnsNamesDoNotMatter() =>
        Assert.Equal(Request(["a.example", "b.example"]).Hash, Request(["B.example", "a.example"]).Hash);

    public static TheoryData<string, OrderRequest> Changes() => new()
    {
        { "dns names", Request(["a.example"]) },
        { "key", Request(key: KeyB) },
        { "attempt", Request(attempt: 1) },
        { "duration", Request(duration: "48h") },
        { "issuer", Request(issuer: "other") },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void AnyRequestChangeChangesTheHash(string what, OrderRequest changed) =>
        Assert.True(Request().Hash != changed.Hash, what);

    [Fact]
    public void RevisionIsInTheNameNotTheHash()
    {
        Assert.Equal(Request().Hash, Request(revision: 2).Hash);
        Assert.StartsWith("web-2-", Request(revision: 2).OrderName, StringComparison.Ordinal);
    }

    [Fact]
    public void LongCertificateNamesAreCutSoTheOrderNameFitsALabel()
    {
        var name = OrderNaming.Name(new string('a', 200), 12, "0123456789");
        Assert.True(name.Length <= 63, name);
        Assert.EndsWith("-12-0123456789", name, StringComparison.Ordinal);
    }
}
