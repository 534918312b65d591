// SPDX-License-Identifier: GPL-2.0
/*
 * The commit path picks the apply helper into a local function pointer and
 * calls it under the mux lock. The default helper takes the GPIO lock:
 * pmx->lock, then gpio->lock — visible only through the pointer.
 */
#include "pmx.h"

void pmx_commit(struct pmx *p, u32 mux)
{
	void (*apply)(struct pmx *p);

	apply = pmx_apply_groups;
	if (p->legacy)
		apply = pmx_apply_legacy;

	spin_lock(&p->lock);
	p->mux = mux;
	apply(p);
	spin_unlock(&p->lock);
}
