using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class CreatedOrderMemoTests
{
    [Fact]
    public void A_cached_copy_that_still_asks_to_create_is_stale_until_the_cache_catches_up()
    {
        var memo = new CreatedOrderMemo();
        Assert.False(memo.IsStale("uid-1", cacheSaysCreate: true)); // never created here: create it

        memo.Remember("uid-1");
        Assert.True(memo.IsStale("uid-1", cacheSaysCreate: true));  // cache still shows the pre-create copy
        Assert.True(memo.IsStale("uid-1", cacheSaysCreate: true));
        Assert.False(memo.IsStale("uid-2", cacheSaysCreate: true)); // other Orders are unaffected

        Assert.False(memo.IsStale("uid-1", cacheSaysCreate: false)); // cache caught up: forgotten
        Assert.False(memo.IsStale("uid-1", cacheSaysCreate: true));  // a later "create" (e.g. status reset) is real
    }

    [Fact]
    public void Forget_and_missing_uids_never_block_creation()
    {
        var memo = new CreatedOrderMemo();
        memo.Remember("uid-1");
        memo.Forget("uid-1");
        Assert.False(memo.IsStale("uid-1", cacheSaysCreate: true));

        memo.Remember(null);
        memo.Remember("");
        Assert.False(memo.IsStale(null, cacheSaysCreate: true));
        Assert.False(memo.IsStale("", cacheSaysCreate: true));
    }
}
