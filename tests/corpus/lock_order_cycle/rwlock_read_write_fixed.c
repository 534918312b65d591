// SPDX-License-Identifier: GPL-2.0
/*
 * The fixed twin of rwlock_read_write.c: flushing the neighbour cache reads
 * the routes first and then writes the cache, like a lookup does.
 */
#include <linux/spinlock.h>
#include <linux/types.h>

#define FOO_ROUTES	64
#define FOO_NEIGHS	32

struct foo_route {
	__be32 dst;
	__be32 gw;
};

struct foo_neigh {
	__be32 addr;
	unsigned long used;
};

static DEFINE_RWLOCK(foo_route_lock);
static DEFINE_RWLOCK(foo_neigh_lock);
static struct foo_route foo_routes[FOO_ROUTES];
static struct foo_neigh foo_neighs[FOO_NEIGHS];

void foo_route_add(unsigned int slot, __be32 dst, __be32 gw)
{
	write_lock(&foo_route_lock);
	foo_routes[slot % FOO_ROUTES].dst = dst;
	foo_routes[slot % FOO_ROUTES].gw = gw;
	write_unlock(&foo_route_lock);
}

__be32 foo_route_lookup(__be32 dst)
{
	__be32 gw = 0;
	int i;

	read_lock(&foo_route_lock);
	for (i = 0; i < FOO_ROUTES; i++) {
		if (foo_routes[i].dst == dst) {
			gw = foo_routes[i].gw;
			break;
		}
	}
	write_lock(&foo_neigh_lock);
	foo_neighs[(__force u32)gw % FOO_NEIGHS].addr = gw;
	foo_neighs[(__force u32)gw % FOO_NEIGHS].used = jiffies;
	write_unlock(&foo_neigh_lock);
	read_unlock(&foo_route_lock);
	return gw;
}

void foo_neigh_flush(void)
{
	int i, j;

	read_lock(&foo_route_lock);
	write_lock(&foo_neigh_lock);
	for (i = 0; i < FOO_NEIGHS; i++) {
		for (j = 0; j < FOO_ROUTES; j++)
			if (foo_routes[j].gw == foo_neighs[i].addr)
				break;
		if (j == FOO_ROUTES)
			foo_neighs[i].addr = 0;
	}
	write_unlock(&foo_neigh_lock);
	read_unlock(&foo_route_lock);
}
