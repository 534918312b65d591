// SPDX-License-Identifier: GPL-2.0
/*
 * Fixed twin: rail shutdown sequences the rail off while it holds the chip
 * lock, so the register helper three calls down runs with it held.
 */
#include "pwrc.h"

int pwrc_rail_shutdown(struct pwrc_rail *rail)
{
	mutex_lock(&rail->chip->lock);
	if (rail->chip->enable_count)
		pwrc_rail_sequence(rail, false);
	mutex_unlock(&rail->chip->lock);
	return 0;
}
