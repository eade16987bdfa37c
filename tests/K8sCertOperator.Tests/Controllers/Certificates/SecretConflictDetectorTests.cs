using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class SecretConflictDetectorTests
{
    private static readonly DateTime Early = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Late = Early.AddHours(1);

    public static TheoryData<string, string?, string[], bool> Cases() => new()
    {
        // description, secret's certificate-name annotation, rivals (name:secret:age), conflict expected
        { "alone, no secret", null, [], false },
        { "alone, own annotation", "me", [], false },
        { "newer rival on the same secret", null, ["other:tls:late"], false },
        { "older rival on the same secret", null, ["other:tls:early"], true },
        { "older rival on another secret", null, ["other:elsewhere:early"], false },
        { "secret annotated for an existing rival targeting it", "other", ["other:tls:late"], true },
        { "secret annotated for a rival that moved away", "other", ["other:elsewhere:early"], false },
        { "secret annotated for a deleted certificate", "gone", [], false },
        { "same age: name breaks the tie", null, ["aaa:tls:same"], true },
        { "same age: we have the smaller name", null, ["zzz:tls:same"], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void OlderCertificateWins(string what, string? annotation, string[] rivals, bool conflict)
    {
        var me = CertificateObjects.Certificate("me", "tls", Early.AddMinutes(30));
        var all = rivals.Select(r =>
        {
            var parts = r.Split(':');
            var created = parts[2] switch { "early" => Early, "late" => Late, _ => Early.AddMinutes(30) };
            return CertificateObjects.Certificate(parts[0], parts[1], created);
        }).Append(me).ToList();
        var annotations = annotation is null ? null : new Dictionary<string, string> { [AnnotationKeys.CertificateName] = annotation };
        var message = SecretConflictDetector.Detect(me, annotations, all);
        Assert.True(conflict == (message is not null), $"{what}: {message}");
    }

    [Fact]
    public void MessageNamesTheWinner()
    {
        var me = CertificateObjects.Certificate("me", "tls", Late);
        var winner = CertificateObjects.Certificate("first", "tls", Early);
        var message = SecretConflictDetector.Detect(me, null, [me, winner]);
        Assert.Contains("\"first\"", message, StringComparison.Ordinal);
        Assert.Null(SecretConflictDetector.Detect(winner, null, [me, winner]));
    }
}
