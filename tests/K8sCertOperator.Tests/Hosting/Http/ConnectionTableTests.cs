using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting.Http;

/// <summary>The table applies the policy to real slots: oldest first, answering slots untouchable, eviction signalled.</summary>
public class ConnectionTableTests
{
    [Fact]
    public void AFullTableEvictsTheOldestSlotStillReadingItsHead()
    {
        var table = new ConnectionTable(3);
        var first = Admit(table);
        var second = Admit(table);
        var third = Admit(table);
        Assert.True(table.TryMove(first, ConnectionPhase.Answering));

        var fourth = table.TryAdmit(out var evicted);

        Assert.NotNull(fourth);
        Assert.Same(second, evicted);
        Assert.True(second.WasEvicted);
        Assert.True(second.Eviction.IsCancellationRequested);
        Assert.False(table.TryMove(second, ConnectionPhase.Answering)); // it must close, not answer
        Assert.False(table.Release(second));
        Assert.Equal(3, table.Open);
        Assert.False(third.WasEvicted);
    }

    [Fact]
    public void LingeringSlotsGoAfterReadingOnesAndAnsweringOnesNever()
    {
        var table = new ConnectionTable(2);
        var answering = Admit(table);
        var lingering = Admit(table);
        table.TryMove(answering, ConnectionPhase.Answering);
        table.TryMove(lingering, ConnectionPhase.Answering);
        table.TryMove(lingering, ConnectionPhase.Lingering);

        var newcomer = table.TryAdmit(out var evicted);
        Assert.NotNull(newcomer);
        Assert.Same(lingering, evicted);

        table.TryMove(newcomer, ConnectionPhase.Answering);
        Assert.Null(table.TryAdmit(out evicted));
        Assert.Null(evicted);
        Assert.False(answering.WasEvicted);
    }

    [Fact]
    public void ReleasingASlotMakesRoomWithoutEvicting()
    {
        var table = new ConnectionTable(1);
        var only = Admit(table);

        Assert.True(table.Release(only));
        Assert.Equal(0, table.Open);
        Assert.NotNull(table.TryAdmit(out var evicted));
        Assert.Null(evicted);
    }

    private static ConnectionSlot Admit(ConnectionTable table)
    {
        var slot = table.TryAdmit(out var evicted);
        Assert.Null(evicted);
        return Assert.IsType<ConnectionSlot>(slot);
    }
}
