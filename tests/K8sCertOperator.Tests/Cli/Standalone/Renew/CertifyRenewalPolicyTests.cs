using K8sCertOperator.Cli.Standalone.Renew;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Cli.Standalone.Renew;

/// <summary>When `certify renew` orders: the due-decision as a table.</summary>
public class CertifyRenewalPolicyTests
{
    private const string Serial = "0A1B2C3D4E5F";
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NotAfter = NotBefore.AddDays(90); // two thirds: day 60
    private static readonly DateTimeOffset TwoThirds = NotBefore.AddDays(60);
    private static readonly AriWindow Window = new(NotBefore.AddDays(40), NotBefore.AddDays(42));
    private static readonly DateTimeOffset PointInWindow = Window.Start + (Window.End - Window.Start) * CertifyRenewalPolicy.WindowPoint(Serial);
    private static readonly string[] Names = ["a.example.com", "b.example.com"];

    public static TheoryData<string, DateTimeOffset, bool, AriWindow?, string[], bool, string> Cases => new()
    {
        // name, now, has certificate, ARI window, wanted names, due, reason part
        { "no certificate yet", NotBefore, false, null, Names, true, "no certificate at" },
        { "unreadable certificate", NotBefore, false, Window, Names, true, "unreadable" },
        { "other names asked for", NotBefore.AddDays(1), true, null, ["a.example.com"], true, "differ" },
        { "names in another order and case", NotBefore.AddDays(1), true, null, ["B.example.com", "a.example.com"], false, "two thirds" },
        { "no ARI, fresh", NotBefore.AddDays(1), true, null, Names, false, "due at 2026-03-02 00:00:00Z" },
        { "no ARI, just before two thirds", TwoThirds.AddSeconds(-1), true, null, Names, false, "two thirds" },
        { "no ARI, at two thirds", TwoThirds, true, null, Names, true, "two thirds of the lifetime have passed" },
        { "no ARI, after two thirds", NotBefore.AddDays(80), true, null, Names, true, "two thirds of the lifetime have passed" },
        { "expired, no ARI", NotAfter, true, null, Names, true, "expired" },
        { "expired, even with a later ARI window", NotAfter.AddDays(1), true, new AriWindow(NotAfter.AddDays(2), NotAfter.AddDays(3)), Names, true, "expired" },
        { "ARI, before the window (past two thirds does not matter)", Window.Start.AddSeconds(-1), true, Window, Names, false, "the CA suggests renewing between" },
        { "ARI window later than two thirds: not due at two thirds", TwoThirds, true, new AriWindow(TwoThirds.AddDays(5), TwoThirds.AddDays(6)), Names, false, "the CA suggests" },
        { "ARI, inside the window before this certificate's point", PointInWindow.AddTicks(-1), true, Window, Names, false, "due at" },
        { "ARI, inside the window at this certificate's point", PointInWindow, true, Window, Names, true, "is open" },
        { "ARI, after the window", Window.End.AddHours(1), true, Window, Names, true, "is open" },
        { "ARI window in the past (CA asks for renewal now)", NotBefore.AddDays(2), true, new AriWindow(NotBefore, NotBefore.AddDays(1)), Names, true, "is open" },
        { "ARI window with end before start is ignored: two thirds", NotBefore.AddDays(41), true, new AriWindow(Window.End, Window.Start), Names, false, "two thirds" },
        { "ARI window with end before start is ignored: due at two thirds", TwoThirds, true, new AriWindow(Window.End, Window.Start), Names, true, "two thirds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_when_a_renewal_is_due(string name, DateTimeOffset now, bool hasCertificate, AriWindow? window, string[] wanted, bool due, string reasonPart)
    {
        var check = new RenewalCheck
        {
            Now = now,
            WantedNames = wanted,
            Current = hasCertificate ? new InstalledCertificate(Serial, NotBefore, NotAfter, Names) : null,
            Problem = hasCertificate ? null : name.StartsWith("unreadable", StringComparison.Ordinal)
                ? "/out/tls.crt is unreadable: certificate chain: no CERTIFICATE PEM block found"
                : "no certificate at /out/tls.crt yet",
            SuggestedWindow = window,
        };

        var decision = CertifyRenewalPolicy.Decide(check);

        Assert.True(due == decision.Due, $"{name}: expected due={due}, got {decision}");
        Assert.Contains(reasonPart, decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Not_due_says_when_it_will_be()
    {
        var decision = CertifyRenewalPolicy.Decide(new RenewalCheck
        {
            Now = NotBefore,
            WantedNames = Names,
            Current = new InstalledCertificate(Serial, NotBefore, NotAfter, Names),
        });

        Assert.False(decision.Due);
        Assert.Equal(TwoThirds, decision.DueAt);
    }

    [Fact]
    public void The_window_point_is_fixed_by_the_serial_and_spreads_certificates()
    {
        var points = Enumerable.Range(0, 200).Select(i => CertifyRenewalPolicy.WindowPoint(i.ToString("X6", System.Globalization.CultureInfo.InvariantCulture))).ToList();

        Assert.All(points, p => Assert.InRange(p, 0.0, 0.9999999999));
        Assert.Equal(CertifyRenewalPolicy.WindowPoint("0a1b"), CertifyRenewalPolicy.WindowPoint("0A1B"));
        Assert.Contains(points, p => p < 0.25);
        Assert.Contains(points, p => p > 0.75);
    }
}
