using System.Globalization;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Events;

/// <summary>
/// core/v1 Event recorder with de-duplication: an identical event within the window increments
/// count and lastTimestamp on the existing Event. Never throws into callers.
/// </summary>
public sealed class EventRecorder : IEventRecorder
{
    /// <summary>Longest message stored; the API server rejects much longer ones.</summary>
    public const int MaxMessageLength = 1024;

    private readonly IResourceApi<Corev1Event> _events;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly EventCorrelator _correlator;
    private readonly string _component;
    private readonly string _instance;

    public EventRecorder(
        IResourceApi<Corev1Event> events,
        ILogger logger,
        string component = "k8s-cert-operator",
        TimeSpan? dedupeWindow = null,
        TimeProvider? timeProvider = null)
    {
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _component = component;
        _instance = Environment.MachineName;
        _time = timeProvider ?? TimeProvider.System;
        _correlator = new EventCorrelator(dedupeWindow ?? TimeSpan.FromMinutes(10));
    }

    /// <summary>The de-duplication key for an event about <paramref name="involved"/>.</summary>
    public static EventKey KeyFor(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, string component)
    {
        ArgumentNullException.ThrowIfNull(involved);
        return new EventKey(string.IsNullOrEmpty(involved.Kind) ? TypeMeta.Of(involved.GetType()).Kind : involved.Kind, involved.Metadata?.NamespaceProperty, involved.Metadata?.Name, involved.Metadata?.Uid, type, reason, Truncate(message), component);
    }

    /// <summary>Event name: the involved object's name plus a unique hex suffix (as client-go names them).</summary>
    public static string NewEventName(string? involvedName, DateTimeOffset now)
    {
        var suffix = "." + (now.ToUnixTimeMilliseconds() * 1_000_000L + Random.Shared.Next(0, 1_000_000)).ToString("x", CultureInfo.InvariantCulture);
        var name = string.IsNullOrEmpty(involvedName) ? "event" : involvedName;
        return name.Length + suffix.Length > 253 ? name[..(253 - suffix.Length)] + suffix : name + suffix;
    }

    public async Task RecordAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken cancellationToken)
    {
        try
        {
            await RecordCoreAsync(involved, type, reason, message, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // events are best-effort; a failure must never disturb the reconcile that emitted it
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Dropped event {Reason} for {Namespace}/{Name}", reason, involved?.Metadata?.NamespaceProperty, involved?.Metadata?.Name);
        }
    }

    private async Task RecordCoreAsync(IKubernetesObject<V1ObjectMeta> involved, string type, string reason, string message, CancellationToken cancellationToken)
    {
        var key = KeyFor(involved, type, reason, message, _component);
        var now = _time.GetUtcNow();

        // Cluster-scoped objects (e.g. ClusterIssuer) have their events in "default", as kubectl expects.
        var ns = string.IsNullOrEmpty(involved.Metadata?.NamespaceProperty) ? "default" : involved.Metadata.NamespaceProperty;
        var decision = _correlator.Decide(key, now, NewEventName(involved.Metadata?.Name, now));
        if (decision.IsUpdate)
        {
            var patch = new JsonObject
            {
                ["count"] = decision.Count,
                ["lastTimestamp"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            }.ToJsonString();
            try
            {
                await _events.PatchAsync(ns, decision.EventName, patch, cancellationToken).ConfigureAwait(false);
                _correlator.Recorded(key, decision, now);
                return;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
            {
                // The Event expired (server-side TTL); start a new one.
                _correlator.Forget(key);
                decision = new EventDecision(false, NewEventName(involved.Metadata?.Name, now), 1, now);
            }
        }

        var (typeApiVersion, typeKind) = TypeMeta.Of(involved.GetType());
        var ev = new Corev1Event
        {
            ApiVersion = "v1",
            Kind = "Event",
            Metadata = new V1ObjectMeta { Name = decision.EventName, NamespaceProperty = ns },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = string.IsNullOrEmpty(involved.ApiVersion) ? typeApiVersion : involved.ApiVersion,
                Kind = string.IsNullOrEmpty(involved.Kind) ? typeKind : involved.Kind,
                Name = involved.Metadata?.Name,
                NamespaceProperty = involved.Metadata?.NamespaceProperty,
                Uid = involved.Metadata?.Uid,
                ResourceVersion = involved.Metadata?.ResourceVersion,
            },
            Type = type,
            Reason = reason,
            Message = key.Message,
            Count = 1,
            FirstTimestamp = now.UtcDateTime,
            LastTimestamp = now.UtcDateTime,
            Source = new V1EventSource { Component = _component, Host = _instance },
            ReportingComponent = _component,
            ReportingInstance = _instance,
        };
        await _events.CreateAsync(ev, cancellationToken).ConfigureAwait(false);
        _correlator.Recorded(key, decision, now);
    }

    private static string Truncate(string message) =>
        message is null ? string.Empty : message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 3)] + "...";
}
