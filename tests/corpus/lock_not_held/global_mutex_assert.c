// SPDX-License-Identifier: GPL-2.0
/*
 * A global mutex requirement: the list walker asserts foo_list_mutex, and
 * the unregister path calls it after dropping the mutex. The middle helper
 * never touches the mutex, so the requirement reaches the function that
 * manages it.
 */
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/string.h>

struct foo_client {
	struct list_head node;
	const char *name;
	unsigned int users;
};

static DEFINE_MUTEX(foo_list_mutex);
static LIST_HEAD(foo_client_list);

static struct foo_client *__foo_find_client(const char *name)
{
	struct foo_client *c;

	lockdep_assert_held(&foo_list_mutex);

	list_for_each_entry(c, &foo_client_list, node)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

static bool foo_client_busy(const char *name)
{
	struct foo_client *c = __foo_find_client(name);

	return c && c->users;
}

int foo_unregister_client(struct foo_client *client)
{
	mutex_lock(&foo_list_mutex);
	list_del_init(&client->node);
	mutex_unlock(&foo_list_mutex);

	if (foo_client_busy(client->name))	//~ lock-not-held
		return -EBUSY;
	return 0;
}
