// SPDX-License-Identifier: GPL-2.0
/*
 * First relay: pwrc_rail_set() neither takes nor drops the chip lock, so
 * the register helper's requirement on rail->chip->lock is passed on to
 * its callers.
 */
#include "pwrc.h"

void pwrc_rail_set(struct pwrc_rail *rail, bool on)
{
	if (rail->enabled == on)
		return;
	pwrc_write_enable(rail->chip, rail->id, on);
	rail->enabled = on;
	if (on)
		rail->chip->enable_count++;
	else
		rail->chip->enable_count--;
}
