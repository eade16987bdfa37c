using System.Net;
using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Keeps every attempt reported by <see cref="AcmeHttpClient"/> as (action, method, host, status).</summary>
internal sealed class RecordingRequestObserver : IAcmeRequestObserver
{
    private readonly List<(string Action, string Method, string Host, int? Status)> _attempts = [];

    public IReadOnlyList<(string Action, string Method, string Host, int? Status)> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return [.. _attempts];
            }
        }
    }

    public List<TimeSpan> Durations { get; } = [];

    public void RequestCompleted(AcmeAction action, HttpMethod method, Uri url, HttpStatusCode? status, TimeSpan duration)
    {
        lock (_attempts)
        {
            _attempts.Add((action.Label, method.Method, url.Host, status is { } s ? (int)s : null));
            Durations.Add(duration);
        }
    }
}
