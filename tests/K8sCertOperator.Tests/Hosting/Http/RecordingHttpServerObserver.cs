using System.Collections.Concurrent;
using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

/// <summary>Counts what a server reports, for tests that check drops are counted.</summary>
internal sealed class RecordingHttpServerObserver : IHttpServerObserver
{
    private readonly ConcurrentDictionary<ConnectionDropReason, int> _drops = new();
    private int _accepted;
    private int _open;

    public int Accepted => Volatile.Read(ref _accepted);

    public int Open => Volatile.Read(ref _open);

    public int Drops(ConnectionDropReason reason) => _drops.GetValueOrDefault(reason);

    public void ListenerStarted(string listener)
    {
    }

    public void ConnectionAccepted(string listener) => Interlocked.Increment(ref _accepted);

    public void OpenConnectionsChanged(string listener, int delta) => Interlocked.Add(ref _open, delta);

    public void ConnectionDropped(string listener, ConnectionDropReason reason) => _drops.AddOrUpdate(reason, 1, (_, n) => n + 1);

    /// <summary>Waits (bounded, for a hung test only) until <paramref name="done"/> holds.</summary>
    public static async Task EventuallyAsync(Func<bool> done, string what)
    {
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!done())
        {
            Assert.False(patience.IsCancellationRequested, "never happened: " + what);
            await Task.Delay(20, CancellationToken.None);
        }
    }
}
