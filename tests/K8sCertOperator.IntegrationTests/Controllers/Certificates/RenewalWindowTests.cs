using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// spec.renewal on the API server, with config/samples/certificate-renewal-window.yaml: status.renewalTime lies in the
/// cron window of its timezone, policy Disabled clears it without a new certificate, and RenewBefore brings it back.
/// </summary>
public class RenewalWindowTests(ITestOutputHelper output)
{
    private const string Name = "maintenance-window";
    private const string SecretName = "maintenance-window-tls";

    // The sample's window: daily 03:30 for one hour, India time (UTC+05:30 all year, so 22:00 UTC the day before).
    private static readonly TimeZoneInfo India = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
    private static readonly TimeSpan WindowStart = new(3, 30, 0);
    private static readonly TimeSpan WindowLength = TimeSpan.FromHours(1);

    [Fact]
    public async Task RenewalTimeFollowsTheCronWindowInItsTimezoneAndPolicyDisabledClearsItWithoutReissuing()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        // No jitter: the test computes the exact renewal time itself.
        await using var h = await StartAsync(env, RenewalJitter.None, ct);
        await h.CreateCaKeyPairSecretAsync("example-ca", "Renewal Test CA", ct);
        await h.CreateReadyIssuerAsync("example-ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "example-ca" } }, ct);
        await h.CreateRawCertificateAsync(h.LoadSample("certificate-renewal-window.yaml"), ct);

        var ready = await h.WaitForReadyRevisionAsync(Name, 1, ct);
        var leaf = await LeafAsync(h, ct);
        var renewBeforeTime = leaf.NotAfter - TimeSpan.FromHours(720);
        var renewal = new DateTimeOffset(DateTime.SpecifyKind(Assert.IsType<DateTime>(ready.Status!.RenewalTime), DateTimeKind.Utc));
        Assert.Equal(ExpectedInWindow(renewBeforeTime), renewal);
        var local = TimeZoneInfo.ConvertTime(renewal, India).TimeOfDay;
        Assert.True(local >= WindowStart && local < WindowStart + WindowLength, $"renewalTime {renewal:O} is {local} India time, outside 03:30-04:30");

        // Disabled: no renewal time, same certificate.
        await h.Apis.Certificates.PatchAsync(h.Namespace, Name, """{"spec":{"renewal":{"policy":"Disabled"}}}""", ct);
        var disabled = await h.WaitForCertificateAsync(Name, c => c.Status is { RenewalTime: null } status
            && ConditionSet.IsTrue(status.Conditions, ConditionTypes.Ready), "renewalTime cleared under policy Disabled", ct);
        Assert.Equal(1, disabled.Status!.Revision);
        Assert.Equal(leaf.SerialNumberHex, (await LeafAsync(h, ct)).SerialNumberHex);

        // RenewBefore again: the same renewal time returns, still the same certificate.
        await h.Apis.Certificates.PatchAsync(h.Namespace, Name, """{"spec":{"renewal":{"policy":"RenewBefore"}}}""", ct);
        var restored = await h.WaitForCertificateAsync(Name, c => c.Status?.RenewalTime is not null, "renewalTime back under policy RenewBefore", ct);
        Assert.Equal(renewal, new DateTimeOffset(DateTime.SpecifyKind(restored.Status!.RenewalTime!.Value, DateTimeKind.Utc)));
        Assert.Equal(1, restored.Status.Revision);
        Assert.Equal(leaf.SerialNumberHex, (await LeafAsync(h, ct)).SerialNumberHex);
    }

    // The first moment at or after renewBeforeTime when the daily window is open: the time itself inside a window,
    // else the next window's start (well before the latest allowed time, 15 days later).
    private static DateTimeOffset ExpectedInWindow(DateTimeOffset renewBeforeTime)
    {
        var local = TimeZoneInfo.ConvertTime(renewBeforeTime, India);
        var start = new DateTimeOffset(local.Date + WindowStart, India.BaseUtcOffset);
        if (start + WindowLength <= renewBeforeTime)
        {
            start = start.AddDays(1);
        }

        return (start > renewBeforeTime ? start : renewBeforeTime).ToUniversalTime();
    }

    private static async Task<CertificateInfo> LeafAsync(CertificateControllerHarness h, CancellationToken ct)
    {
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, SecretName, ct);
        return CertificateInfo.FromPem(Encoding.ASCII.GetString(secret!.Data[SecretKeys.TlsCertificate]));
    }
}
