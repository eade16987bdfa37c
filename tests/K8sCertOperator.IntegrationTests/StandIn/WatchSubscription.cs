using System.Threading.Channels;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>One open watch's queue of store events for a single resource.</summary>
internal sealed class WatchSubscription(string group, string plural, WatchHub hub) : IDisposable
{
    public string Group { get; } = group;

    public string Plural { get; } = plural;

    public Channel<StoreEvent> Channel { get; } = System.Threading.Channels.Channel.CreateUnbounded<StoreEvent>(
        new UnboundedChannelOptions { SingleReader = true });

    public void Dispose()
    {
        hub.Remove(this);
        Channel.Writer.TryComplete();
    }
}
