using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Tests.Kube.Reconcile;

/// <summary>Records log entries together with the scope values active when they were written.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly AsyncLocal<ImmutableScopes?> _scopes = new();

    public ConcurrentQueue<(LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Scope)> Entries { get; } = new();

    public IDisposable BeginScope<TState>(TState state)
        where TState : notnull
    {
        var values = state as IEnumerable<KeyValuePair<string, object?>> ?? [];
        var parent = _scopes.Value;
        _scopes.Value = new ImmutableScopes(parent, values.ToDictionary(p => p.Key, p => p.Value));
        return new Pop(this, parent);
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var merged = new Dictionary<string, object?>();
        for (var s = _scopes.Value; s is not null; s = s.Parent)
        {
            foreach (var (k, v) in s.Values)
            {
                merged.TryAdd(k, v);
            }
        }

        Entries.Enqueue((logLevel, formatter(state, exception), merged));
    }

    private sealed record ImmutableScopes(ImmutableScopes? Parent, Dictionary<string, object?> Values);

    private sealed class Pop(CapturingLogger owner, ImmutableScopes? parent) : IDisposable
    {
        public void Dispose() => owner._scopes.Value = parent;
    }
}
