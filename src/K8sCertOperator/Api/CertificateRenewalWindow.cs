using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>A renewal window: opens at each match of a 5-field cron in a timezone and stays open for a duration.</summary>
public sealed class CertificateRenewalWindow
{
    /// <summary>Five-field cron expression (minute hour day-of-month month day-of-week).</summary>
    [JsonPropertyName("cron")]
    public string Cron { get; set; } = string.Empty;

    /// <summary>IANA timezone the cron is evaluated in; unset means UTC.</summary>
    [JsonPropertyName("timezone")]
    public string? Timezone { get; set; }

    /// <summary>How long the window stays open, as a Go duration.</summary>
    [JsonPropertyName("windowDuration")]
    public string WindowDuration { get; set; } = string.Empty;
}
